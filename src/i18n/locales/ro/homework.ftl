# Partea de bază a temelor (crate::homework): propozițiile verificărilor, cerințele unui model,
# pagina raportului, constatările profesorului și observațiile pentru student. Pagina raportului
# și fișierul de observații sunt scrise în limba aleasă când sunt făcute.
homework-list = { $first }; { $next }
check-condition = { $metric } { $op } { $value }
check-condition-between = { $low } <= { $metric } <= { $high }
check-passed = trecută: { $metric } = { $value } (se cere: { $condition })
check-failed = picată: { $metric } = { $value } (se cere: { $condition })
check-missing = metrica „{ $metric }” lipsește: nu e nimic de verificat
check-not-finite = metrica „{ $metric }” nu este un număr finit ({ $value })
check-no-points = niciun punct: modelul nu se potrivește sarcinii ({ $why })
check-recorded = { $words }
constraint-kind = modelul este „{ $got }”, sarcina cere „{ $want }”
constraint-latent = codul are { $got ->
    [one] o dimensiune
    [few] { $got } dimensiuni
   *[other] { $got } de dimensiuni
}, sarcina cere { $want }
constraint-latent-min = codul are { $got ->
    [one] o dimensiune
    [few] { $got } dimensiuni
   *[other] { $got } de dimensiuni
}, sarcina cere cel puțin { $want }
constraint-latent-max = codul are { $got ->
    [one] o dimensiune
    [few] { $got } dimensiuni
   *[other] { $got } de dimensiuni
}, sarcina cere cel mult { $want }
constraint-epochs = antrenarea a fost setată la { $got ->
    [one] o epocă
    [few] { $got } epoci
   *[other] { $got } de epoci
}, sarcina cere cel puțin { $want }
constraint-steps = modelul s-a antrenat { $got ->
    [one] un pas
    [few] { $got } pași
   *[other] { $got } de pași
}, sarcina cere cel puțin { $want }
chain-wrong-index = intrarea { $entry } din jurnal: indicele ei spune { $found } (o intrare a fost ștearsă, adăugată sau mutată)
chain-prev-mismatch = intrarea { $entry } din jurnal: nu urmează intrării dinaintea ei (hash-ul anterior nu se potrivește)
chain-hash-mismatch = intrarea { $entry } din jurnal: conținutul ei a fost schimbat după ce a fost scrisă (hash-ul nu se potrivește)
report-too-large = fișierul are { NUMBER($bytes, useGrouping: "false") } octeți; un raport are cel mult { NUMBER($max, useGrouping: "false") }
report-missing-record = acesta nu este un raport Latent Lab: nu conține înregistrarea <script id="{ $element }">
report-damaged = înregistrarea raportului este deteriorată: { $why }
report-wrong-format = înregistrarea raportului are formatul „{ $found }”, nu „{ $format }”
report-newer = făcut pentru un Latent Lab mai nou (versiunea de raport { $version }); acesta citește versiunea { $reads }
report-model-not-base64 = modelul inclus nu este în base64: { $why }
report-heading = Raport de temă
report-student = Student
report-student-id = Număr matricol
report-created = Creat
report-task = Sarcina { $n }
report-seed = Sămânța
report-engine = Motor
report-steps = Pași
report-settings = Setări
report-model = Model (ponderi SHA-256)
report-answer = Răspuns
report-metrics = Metrici
report-checks = Verificări
report-passed = trecut
report-failed = picat
report-points = { $awarded } / { $max ->
    [one] { $max } punct
    [few] { $max } puncte
   *[other] { $max } de puncte
}
report-figures = Figuri
report-nothing = (nimic predat)
report-log = Jurnalul de lucru
report-log-entries = { $count ->
    [one] o intrare
    [few] { $count } intrări
   *[other] { $count } de intrări
}, ultimul hash
report-record-hash = Hash-ul înregistrării
verify-verdict-verified = verificat
verify-verdict-tampered = modificat
verify-verdict-mismatch = neconcordanță
verify-verdict-error = eroare
verify-in-task = sarcina { $n }: { $what }
verify-model-unreadable = sarcina { $n }: modelul inclus nu poate fi citit: { $why }
verify-no-model = nu a fost predat niciun model
verify-no-weights = niciunele
verify-weights-differ = { $field }: raportul numește ponderile { $named }, iar ale modelului inclus sunt { $embedded }
verify-weights-not-logged = { $field }: nicio antrenare din jurnalul de lucru nu a produs ponderile { $weights }
verify-config-differs = { $field }: setările din raport nu sunt cele ale modelului inclus
verify-wrong-seed = { $field }: modelul a fost antrenat cu sămânța { $used }, iar sămânța acestui student este { $seed }
verify-locked-differs = setarea „{ $key }” este blocată la { $want }, modelul are { $got }
verify-metric-differs = { $field }: declarat { NUMBER($claimed, useGrouping: "false") }, recalculat { NUMBER($recomputed, useGrouping: "false") }
verify-not-recomputed = sarcina { $n }: metricile modelului nu au putut fi recalculate: { $why }
verify-other-assignment = raportul este pentru tema „{ $id }” ({ $hash }), nu „{ $checking }” ({ $checking-hash })
verify-record-changed = record_sha256: înregistrarea a fost schimbată după ce a scris-o aplicația
verify-log-head = log_head: nu este hash-ul ultimei intrări din jurnal
verify-extra-task = raportul are o sarcină { $n } pe care tema nu o are (ignorată)
verify-answer-length = sarcina { $n }: răspunsul are { $words ->
    [one] un cuvânt
    [few] { $words } cuvinte
   *[other] { $words } de cuvinte
}, sarcina cere între { $min } și { $max }
verify-no-answer = sarcina { $n }: nu a fost predat niciun răspuns
verify-nothing-handed-in = sarcina { $n }: nu a fost predat nimic
verify-no-points-note = sarcina { $n }: { $why }: verificările sarcinii nu dau puncte
verify-unreadable-report = { $file }: { $why }
verify-no-assignment = nu există tema „{ $id }” în această versiune: deschide fișierul temei la care răspunde raportul
verify-trained-elsewhere = sarcina { $n }: antrenată pe { $engine }; notată după metricile recalculate (antrenările pe WebGPU nu se reproduc bit cu bit)
verify-unknown-engine = un motor necunoscut
verify-too-long = sarcina { $n }: { $steps ->
    [one] un pas
    [few] { $steps } pași
   *[other] { $steps } de pași
}, prea mult pentru a fi reantrenată aici
verify-digits-missing = sarcina { $n }: nereantrenată, cifrele de antrenare nu au putut fi descărcate ({ $why }); apasă „Încearcă din nou” mai sus, apoi verifică din nou raportul
verify-retrained-same = sarcina { $n }: reantrenată { $steps ->
    [one] un pas
    [few] { $steps } pași
   *[other] { $steps } de pași
} pornind de la sămânța { $seed }: aceleași ponderi
verify-retrained-differs = ponderile sarcinii { $n }: reantrenarea de { $steps ->
    [one] un pas
    [few] { $steps } pași
   *[other] { $steps } de pași
} pornind de la configurație și sămânța { $seed } dă alte ponderi (o antrenare reluată după o reîncărcare a paginii nu poate fi reantrenată: sarcina trebuie antrenată dintr-o dată)
feedback-verified = Raport verificat: metricile recalculate confirmă rezultatele.
feedback-tampered = Raportul a fost modificat după ce l-a scris aplicația ({ $field }).
feedback-mismatch = O valoare nu se confirmă: { $field }: în raport { NUMBER($claimed, useGrouping: "false") }, recalculat { NUMBER($recomputed, useGrouping: "false") }.
feedback-error = Raportul nu a putut fi verificat: { $message }
feedback-score = Punctaj automat: { $score } / { $max }
feedback-task = Sarcina { $n }: { $score } / { $max }
feedback-check = { $id } ({ $score } / { $max }): { $message }
feedback-hidden-check = verificare ascunsă ({ $score } / { $max })
feedback-notes = Observații:
