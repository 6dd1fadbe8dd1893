# Homework: the student's page (#/hw), the task banner, the teacher's page (#/verify).
nav-hw = Homework
nav-verify = Check reports
hw-title = Homework
hw-lead = Open an assignment, enter your name and student number, then do its tasks one by one: each task opens its view with the settings it needs (some locked) and your own seed. Hand in from the view, write your answers here, check them with "Validate", and download the report to send to your teacher.
hw-bundled = Assignments of the course
hw-open-file = Open an assignment file
hw-drop = …or drop an assignment file (.json) here.
hw-student-name = Your name
hw-student-id = Student number
hw-validate = Validate
hw-report = Download the report
hw-report-explain = The report is one HTML file: it opens offline, prints to PDF, and carries everything your teacher's copy of Latent Lab checks (your models, metrics, answers and work log).
hw-teacher-link = For teachers: check a folder of reports
hw-index-failed = The list of the course's assignments could not be loaded; you can still open an assignment file.
hw-fetch-failed = The assignment { $file } could not be loaded: { $why }
hw-bad-assignment = This is not an assignment Latent Lab can open: { $why }. The assignment you had open stays open.
hw-download-failed = The download failed: { $why }
hw-work-damaged = The work saved in this browser for this assignment was damaged and has been set aside; you start afresh.
hw-work-unavailable = This browser cannot keep your work ({ $why }): it lives until you close the page, so download your report before.
hw-work-not-saved = Your work could not be saved in this browser ({ $why }); it stays on this page, and the report can still be downloaded.
hw-need-student-id = Enter your student number first: it sets your own seed for every training of the assignment.
hw-no-such-task = This task is not in the open assignment.
hw-asks-model = Hand in: the model you trained (with its test metrics)
hw-asks-metrics = Hand in: { $names }
hw-asks-figure = Hand in: the figure "{ $name }"
hw-asks-answer = A written answer of { $min } to { $max } words
hw-answer = Your answer
hw-words = { $words ->
    [one] one word
   *[other] { $words } words
} (between { $min } and { $max })
hw-handed-in = Handed in: { $metrics }
hw-start = Start this task
hw-task-title = Task { $n }: { $title } ({ $points } points)
hw-banner-label = Homework task
hw-banner-task = Homework, task { $n }: { $title }.
hw-banner-locked = Locked by the assignment: { $settings }.
hw-hand-in = Hand in
hw-back = Back to the assignment
hw-leave = Leave the task
hw-no-model = There is no model to hand in yet ({ $why }): train one first.
hw-model-constraints = This model does not fit the task: { $why }.
hw-missing-metric = { $name } is not computed yet: let the view compute it, then hand in again.
hw-missing-figure = The figure "{ $name }" is not on the page: open the part of the view that shows it, then hand in again.
hw-handed-in-notice = Task { $n } handed in. Your work is kept in this browser; download the report when you are done.
verify-title = Check reports
verify-lead = Drop the reports of a class (the HTML files the students handed in). Each is checked against its assignment: its hashes and work log, every metric recomputed from the embedded model, CPU-trained models retrained from their seed, the public checks and, with a rubric, the hidden ones. Nothing leaves this page.
verify-reports = Reports (select many)
verify-rubric = Rubric (hidden checks)
verify-assignment = Assignment file (when it is not one of the course's)
verify-bad-rubric = This rubric cannot be used: { $why }
verify-rubric-loaded = Rubric loaded: { $checks ->
    [one] one hidden check
   *[other] { $checks } hidden checks
}.
verify-progress = { $done } of { $total } reports checked.
verify-student = Student
verify-status = Verdict
verify-score = Points of the checks
verify-feedback = Feedback
verify-feedback-download = Download
verify-identical = Identical weights handed in by different students:
verify-identical-pair = { $a } and { $b }, task { $task }
verify-csv = Download the gradebook (CSV)
hw-share = A link that carries this assignment
hw-share-explain = For teachers: the assignment itself, compressed into the address, so students open it with one click and no file to host.
hw-share-make = Make the link
hw-bad-link = This link's assignment cannot be opened: it is damaged, or it names a file outside the app. Ask your teacher for the link again.
hw-stop-training-first = The lab is training: pause or stop the run first, then start the task.
hw-wrong-seed = This model was trained with seed { $got }, not with your seed for this task ({ $want }): start the task again from the assignment and train there.
hw-busy-training = The lab is still training: pause or stop the run, then hand in.
hw-need-identity = Enter your name and student number before downloading the report.
