# Teme: pagina studentului (#/hw), bannerul sarcinii, pagina profesorului (#/verify).
nav-hw = Teme
nav-verify = Verificarea rapoartelor
hw-title = Teme
hw-lead = Deschide o temă, scrie-ți numele și numărul matricol, apoi rezolvă sarcinile una câte una: fiecare sarcină deschide vederea de care are nevoie, cu setările ei (unele blocate) și cu propria ta sămânță. Predai din vedere, scrii răspunsurile aici, le verifici cu „Validează” și descarci raportul pe care îl trimiți profesorului.
hw-bundled = Temele cursului
hw-open-file = Deschide un fișier de temă
hw-drop = …sau trage aici un fișier de temă (.json).
hw-student-name = Numele tău
hw-student-id = Numărul matricol
hw-validate = Validează
hw-report = Descarcă raportul
hw-report-explain = Raportul este un singur fișier HTML: se deschide fără internet, se tipărește ca PDF și conține tot ce verifică exemplarul de Latent Lab al profesorului (modelele, metricile, răspunsurile și jurnalul de lucru).
hw-teacher-link = Pentru profesori: verificarea unui dosar de rapoarte
hw-index-failed = Lista temelor cursului nu s-a putut încărca; poți deschide totuși un fișier de temă.
hw-fetch-failed = Tema { $file } nu s-a putut încărca: { $why }
hw-bad-assignment = Aceasta nu este o temă pe care Latent Lab o poate deschide: { $why }. Tema deschisă rămâne deschisă.
hw-download-failed = Descărcarea nu a reușit: { $why }
hw-work-damaged = Lucrul salvat în acest browser pentru această temă era deteriorat și a fost pus deoparte; începi din nou.
hw-work-unavailable = Acest browser nu îți poate păstra lucrul ({ $why }): rămâne până închizi pagina, așa că descarcă raportul înainte.
hw-work-not-saved = Lucrul tău nu s-a putut salva în acest browser ({ $why }); rămâne pe pagină, iar raportul se poate descărca în continuare.
hw-need-student-id = Scrie mai întâi numărul matricol: el stabilește sămânța ta pentru fiecare antrenare din temă.
hw-no-such-task = Această sarcină nu face parte din tema deschisă.
hw-asks-model = De predat: modelul antrenat de tine (cu metricile lui pe setul de test)
hw-asks-metrics = De predat: { $names }
hw-asks-figure = De predat: figura „{ $name }”
hw-asks-answer = Un răspuns scris de { $min } până la { $max } de cuvinte
hw-answer = Răspunsul tău
hw-words = { $words ->
    [one] un cuvânt
    [few] { $words } cuvinte
   *[other] { $words } de cuvinte
} (între { $min } și { $max })
hw-handed-in = Predat: { $metrics }
hw-start = Începe sarcina
hw-task-title = Sarcina { $n }: { $title } ({ $points } puncte)
hw-banner-label = Sarcină de temă
hw-banner-task = Temă, sarcina { $n }: { $title }.
hw-banner-locked = Blocate de temă: { $settings }.
hw-hand-in = Predă
hw-back = Înapoi la temă
hw-leave = Renunță la sarcină
hw-no-model = Nu există încă un model de predat ({ $why }): antrenează mai întâi unul.
hw-model-constraints = Acest model nu se potrivește sarcinii: { $why }.
hw-missing-metric = { $name } nu este încă calculat: lasă vederea să îl calculeze, apoi predă din nou.
hw-missing-figure = Figura „{ $name }” nu este pe pagină: deschide partea vederii care o arată, apoi predă din nou.
hw-handed-in-notice = Sarcina { $n } a fost predată. Lucrul tău rămâne în acest browser; descarcă raportul când termini.
verify-title = Verificarea rapoartelor
verify-lead = Trage aici rapoartele unei grupe (fișierele HTML predate de studenți). Fiecare este verificat față de tema lui: amprentele (hash) și jurnalul de lucru, fiecare metrică recalculată din modelul inclus, modelele antrenate pe CPU reantrenate din sămânța lor, verificările publice și, cu o grilă, cele ascunse. Nimic nu părăsește pagina.
verify-reports = Rapoarte (mai multe deodată)
verify-rubric = Grila (verificări ascunse)
verify-assignment = Fișierul temei (când nu este una dintre temele cursului)
verify-bad-rubric = Această grilă nu se poate folosi: { $why }
verify-rubric-loaded = Grilă încărcată: { $checks ->
    [one] o verificare ascunsă
    [few] { $checks } verificări ascunse
   *[other] { $checks } de verificări ascunse
}.
verify-progress = { $done } din { $total } rapoarte verificate.
verify-student = Student
verify-status = Verdict
verify-score = Punctele verificărilor
verify-feedback = Observații
verify-feedback-download = Descarcă
verify-identical = Ponderi identice predate de studenți diferiți:
verify-identical-pair = { $a } și { $b }, sarcina { $task }
verify-csv = Descarcă catalogul (CSV)
hw-share = Un link care conține această temă
hw-share-explain = Pentru profesori: tema însăși, comprimată în adresă, pe care studenții o deschid cu un clic, fără fișier de găzduit.
hw-share-make = Creează linkul
hw-bad-link = Tema din acest link nu se poate deschide: linkul este deteriorat sau numește un fișier din afara aplicației. Cere-i profesorului linkul din nou.
hw-stop-training-first = Laboratorul antrenează: pune pauză sau oprește antrenarea, apoi începe sarcina.
hw-wrong-seed = Acest model a fost antrenat cu sămânța { $got }, nu cu sămânța ta pentru această sarcină ({ $want }): pornește din nou sarcina din temă și antrenează acolo.
hw-busy-training = Laboratorul încă antrenează: pune pauză sau oprește antrenarea, apoi predă.
hw-need-identity = Scrie-ți numele și numărul matricol înainte de a descărca raportul.
