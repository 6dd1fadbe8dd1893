# Homework's core (crate::homework): the checks' sentences, a model's constraints, the report page,
# the teacher's findings and the student's feedback. The report page and the feedback file are
# written in the language chosen when they are made.
homework-list = { $first }; { $next }
check-condition = { $metric } { $op } { $value }
check-condition-between = { $low } <= { $metric } <= { $high }
check-passed = passed: { $metric } = { $value } (required: { $condition })
check-failed = failed: { $metric } = { $value } (required: { $condition })
check-missing = metric '{ $metric }' is missing: nothing to check
check-not-finite = metric '{ $metric }' is not a finite number ({ $value })
check-no-points = no points: the model does not fit the task ({ $why })
check-recorded = { $words }
constraint-kind = the model is a '{ $got }', the task asks for a '{ $want }'
constraint-latent = the code has { $got ->
    [one] one dimension
   *[other] { $got } dimensions
}, the task asks for { $want }
constraint-latent-min = the code has { $got ->
    [one] one dimension
   *[other] { $got } dimensions
}, the task asks for at least { $want }
constraint-latent-max = the code has { $got ->
    [one] one dimension
   *[other] { $got } dimensions
}, the task asks for at most { $want }
constraint-epochs = the run was set to { $got ->
    [one] one epoch
   *[other] { $got } epochs
}, the task asks for at least { $want }
constraint-steps = the model trained { $got ->
    [one] one step
   *[other] { $got } steps
}, the task asks for at least { $want }
chain-wrong-index = log entry { $entry }: its index says { $found } (an entry was removed, inserted or moved)
chain-prev-mismatch = log entry { $entry }: it does not follow the entry before it (prev hash mismatch)
chain-hash-mismatch = log entry { $entry }: its content was changed after it was written (hash mismatch)
report-too-large = the file has { NUMBER($bytes, useGrouping: "false") } bytes; a report has at most { NUMBER($max, useGrouping: "false") }
report-missing-record = this is not a Latent Lab report: it holds no <script id="{ $element }"> record
report-damaged = the report's record is damaged: { $why }
report-wrong-format = the report's record has format "{ $found }", not "{ $format }"
report-newer = made for a newer Latent Lab (report version { $version }); this one reads version { $reads }
report-model-not-base64 = the embedded model is not base64: { $why }
report-heading = Homework report
report-student = Student
report-student-id = Student id
report-created = Created
report-task = Task { $n }
report-seed = Seed
report-engine = Engine
report-steps = Steps
report-settings = Settings
report-model = Model (weights SHA-256)
report-answer = Answer
report-metrics = Metrics
report-checks = Checks
report-passed = passed
report-failed = failed
report-points = { $awarded } / { $max ->
    [one] { $max } point
   *[other] { $max } points
}
report-figures = Figures
report-nothing = (nothing handed in)
report-log = Work log
report-log-entries = { $count ->
    [one] one entry
   *[other] { $count } entries
}, last hash
report-record-hash = Record hash
verify-verdict-verified = verified
verify-verdict-tampered = tampered
verify-verdict-mismatch = mismatch
verify-verdict-error = error
verify-in-task = task { $n }: { $what }
verify-model-unreadable = task { $n }: the embedded model cannot be read: { $why }
verify-no-model = no model was handed in
verify-no-weights = none
verify-weights-differ = { $field }: the report names weights { $named }, the embedded model's are { $embedded }
verify-weights-not-logged = { $field }: no run of the work log produced weights { $weights }
verify-config-differs = { $field }: the report's settings are not those of the embedded model
verify-wrong-seed = { $field }: the model was trained with seed { $used }, this student's seed is { $seed }
verify-locked-differs = setting '{ $key }' is locked to { $want }, the model has { $got }
verify-metric-differs = { $field }: claimed { NUMBER($claimed, useGrouping: "false") }, recomputed { NUMBER($recomputed, useGrouping: "false") }
verify-not-recomputed = task { $n }: the model's metrics could not be recomputed: { $why }
verify-other-assignment = the report is for assignment '{ $id }' ({ $hash }), not '{ $checking }' ({ $checking-hash })
verify-record-changed = record_sha256: the record was changed after the app wrote it
verify-log-head = log_head: it is not the hash of the log's last entry
verify-extra-task = the report has a task { $n } that the assignment does not have (ignored)
verify-answer-length = task { $n }: the answer has { $words ->
    [one] one word
   *[other] { $words } words
}, the task asks for { $min } to { $max }
verify-no-answer = task { $n }: no answer was handed in
verify-nothing-handed-in = task { $n }: nothing was handed in
verify-no-points-note = task { $n }: { $why }: the task's checks give no points
verify-unreadable-report = { $file }: { $why }
verify-no-assignment = no assignment '{ $id }' with this version: open the assignment file the report answers
verify-trained-elsewhere = task { $n }: trained on { $engine }; graded by its recomputed metrics (WebGPU runs are not bit-reproducible)
verify-unknown-engine = an unknown engine
verify-too-long = task { $n }: { $steps ->
    [one] one step
   *[other] { $steps } steps
}, too long to retrain here
verify-digits-missing = task { $n }: not retrained, the training digits could not be downloaded ({ $why }); press Retry above, then check the report again
verify-retrained-same = task { $n }: retrained { $steps ->
    [one] one step
   *[other] { $steps } steps
} from seed { $seed }: the same weights
verify-retrained-differs = task { $n } weights: retraining { $steps ->
    [one] one step
   *[other] { $steps } steps
} from the configuration and seed { $seed } gives other weights (a run resumed after a reload cannot be retrained: the task must be trained in one go)
feedback-verified = Report verified: the recomputed metrics confirm the results.
feedback-tampered = The report was changed after the app wrote it ({ $field }).
feedback-mismatch = A value does not check out: { $field }: reported { NUMBER($claimed, useGrouping: "false") }, recomputed { NUMBER($recomputed, useGrouping: "false") }.
feedback-error = The report could not be checked: { $message }
feedback-score = Automatic score: { $score } / { $max }
feedback-task = Task { $n }: { $score } / { $max }
feedback-check = { $id } ({ $score } / { $max }): { $message }
feedback-hidden-check = hidden check ({ $score } / { $max })
feedback-notes = Notes:
