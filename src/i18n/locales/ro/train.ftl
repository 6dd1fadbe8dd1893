# Laboratorul de antrenare: formularul, antrenarea, graficul pierderii, linkurile. Termenii sunt
# cei ai cursului: antrenare, epocă, lot (batch), rata de învățare, funcția de cost, regularizare,
# reprezentări rare, autoencoder subcomplet/supracomplet, contractiv, eliminarea zgomotului
# (denoising), descriptor de trăsături, spațiul latent, codor (encoder), decodor (decoder).

## Formularul
train-form-model = Modelul
train-preset = Configurație predefinită
train-preset-own = (setările tale)
train-kind = Tipul
train-param-beta = β
train-param-sigma = zgomotul σ
train-param-lambda = penalizarea λ
train-param-rho = activarea țintă ρ
train-hidden = Lățimile straturilor ascunse (codorul, de la intrare)
train-hidden-bad = „{ $entry }” nu este o lățime de strat
train-latent-under = Dimensiunea spațiului latent dim(h) = { NUMBER($latent, useGrouping: "false") } (subcomplet)
train-latent-over = Dimensiunea spațiului latent dim(h) = { NUMBER($latent, useGrouping: "false") } (supracomplet)
train-bottleneck-under = Autoencoder subcomplet: descriptorul de trăsături h este restricționat la o dimensiune mai mică decât intrarea x, deci codorul și decodorul învață o reprezentare contractată a datelor, cu cele mai reprezentative trăsături.
train-bottleneck-over = Autoencoder supracomplet: descriptorul de trăsături h are dimensiunea cel puțin egală cu a intrării x, deci codorul și decodorul învață o reprezentare dilatată și ar putea copia pur și simplu intrarea la ieșire; regularizarea (reprezentări rare, robustețe la zgomot, derivate mici) împiedică învățarea funcției identitate.
train-activation = Activarea
train-activation-relu = ReLU
train-activation-tanh = tanh
train-activation-sigmoid = sigmoidă
train-activation-none = niciuna (liniar)
train-form-training = Antrenarea (Adam)
train-learning-rate = Rata de învățare
train-batch-size = Dimensiunea lotului
train-epochs = Epoci
train-seed = Sămânța (seed)
train-engine = Antrenează pe
train-engine-auto = WebGPU dacă este folosit, altfel procesorul
train-engine-webgpu = WebGPU
train-engine-cpu = procesorul (CPU)

## Ce minimizează fiecare tip (formulele stau lângă aceste propoziții)
train-loss-ae = Antrenarea minimizează pierderea L(x, g(f(x))), care penalizează ieșirea g(f(x)) atunci când este diferită de x: aici entropia încrucișată binară pe cei 784 de pixeli. Codul h = f(x) este descriptorul de trăsături.
train-loss-linear = Codor și decodor liniare (fără activare), un singur strat ascuns (codul) și funcție de cost pătratică: autoencoderul învață același subspațiu ca un PCA.
train-loss-vae = Funcția de cost este ELBO cu semn schimbat, cu termenul KL ponderat: reconstrucție + β·KL(q(z|x) ‖ N(0, I)), aici β = { $beta } (β = 1 este chiar ELBO). În timpul antrenării z = μ + σ ⊙ ε (reparametrizarea).
train-loss-denoising = Antrenat pe x̃ = x + n, cu n ~ N(0, σ²), σ = { $sigma }: funcția de cost L(x, g(f(x̃))) compară ieșirea cu x curat, deci modelul învață eliminarea zgomotului n din intrare.
train-loss-sparse-l1 = Funcția de cost: L(x, g(f(x))) + Ω(h), cu penalizarea L1 Ω(h) = λ Σ|h_i|, λ = { $lambda } (codul trece printr-un ReLU): pentru orice cifră sunt active puține unități ale codului (reprezentări rare). În timpul antrenării, Ω(h) arată valoarea de pe ultimul lot.
train-loss-sparse-kl = Funcția de cost: L(x, g(f(x))) + λ Σ_j KL(ρ ‖ ρ̂_j), cu ρ = { $rho }, λ = { $lambda }: fiecare unitate a codului trebuie să fie activă o fracțiune ρ din timp, raritatea dorită (ρ̂_j este activarea ei medie pe un lot).
train-loss-contractive = Funcția de cost: L(x, g(f(x))) + λ‖∂f(x)/∂x‖²_F, cu λ = { $lambda }: codul se schimbă puțin la mici modificări ale lui x. Codorul are un singur strat sigmoid, deci penalizarea are o formă închisă; lățimile straturilor ascunse dau forma decodorului.
train-penalty-live = Ω(h) pe ultimul lot de antrenare: { $value }

## Configurațiile predefinite
train-preset-undercomplete-2d = Subcomplet, spațiu latent 2-D
train-preset-undercomplete-2d-hint = dim(h) = 2 < 784: urmărește harta spațiului latent, unde clasele se separă în clustere pe măsură ce antrenarea avansează.
train-preset-overcomplete = Supracomplet, fără regularizare
train-preset-overcomplete-hint = dim(h) = 1024 ≥ 784 și nimic nu îl împiedică să copieze: pierderea scade repede și chiar și zgomotul se reconstruiește bine, pentru că învață (aproape) funcția identitate.
train-preset-sparse = Rar (sparse, KL față de ρ = 0,05)
train-preset-sparse-hint = 64 de unități în cod, dar penalizarea Σ KL(ρ ‖ ρ̂_j) ține activarea medie a fiecăreia aproape de 5%: pentru orice cifră se activează puține unități. Urmărește cum scade curba penalizării.
train-preset-denoising = Eliminarea zgomotului (denoising, σ = 0,5)
train-preset-denoising-hint = Antrenat pe x̃ = x + n, cu n ~ N(0, σ²), σ = 0,5, trebuie să producă x curat. Folosește-l apoi în pagina Zgomot și ocluziune, cu modelul antrenat.
train-preset-contractive = Contractiv (λ = 0,1)
train-preset-contractive-hint = Penalizarea λ‖∂h/∂x‖² face codul insensibil la mici modificări ale lui x; codorul are un singur strat sigmoid, ca la Rifai et al.
train-preset-beta-vae = β-VAE, β = 4
train-preset-beta-vae-hint = β = 4 cântărește de patru ori termenul KL: codurile se adună spre N(0, I), harta 2-D se umple uniform, iar reconstrucțiile devin mai neclare.

## Câmpurile numerice (comune paginilor)
field-not-a-number = „{ $text }” nu este un număr
field-not-whole = { $value } nu este un număr întreg
field-out-of-range = introdu o valoare de la { NUMBER($min, useGrouping: "false") } la { NUMBER($max, useGrouping: "false") }

## Antrenarea
train-start = Start
train-resume = Continuă
train-pause = Pauză
train-single-step = Un pas
train-stop = Oprește
train-reset = Resetează
train-state-idle = pregătit
train-state-running = se antrenează
train-state-pausing = se pune pe pauză
train-state-paused = pe pauză
train-state-finished = terminat
train-state-diverged = oprit: a divergat
train-progress = { $state } · epoca { $epoch } din { $epochs } · pasul { $step } din { $steps } · pierderea { $loss }
train-progress-speed = { $speed } imagini/s
train-progress-seconds-left = mai sunt { $seconds } s
train-progress-minutes-left = mai sunt { $minutes } min
train-progress-engine = pe { $engine }
train-progress-label = Progresul antrenării
train-recon-title = 16 cifre de test și reconstrucțiile lor
train-recon-empty = Apar după primul pas de antrenare.
train-recon-label = 16 cifre de test (rândul de sus) și reconstrucțiile actuale ale modelului (rândul de jos)
train-map-title = Harta spațiului latent (500 de cifre de test)
train-map-label = Codurile 2-D ale celor 500 de cifre de test, date de modelul în curs de antrenare, colorate după clasă

## Graficul pierderii
train-chart-curve-train = loturi de antrenare
train-chart-curve-test = cifre de test
train-chart-curve-reconstruction = reconstrucție (antrenare)
train-chart-curve-kl = KL (antrenare)
train-chart-curve-penalty = penalizare (antrenare)
train-chart-panel-total = funcția de cost minimizată
train-chart-panel-reconstruction = termenul de reconstrucție
train-chart-panel-kl = KL(q(z|x) ‖ N(0, I))
train-chart-panel-penalty = regularizarea Ω
train-chart-axis-step = pas
train-chart-description-empty = Graficul pierderii: gol până începe antrenarea.
train-chart-description = Graficul pierderii: { $steps ->
    [one] { $steps } pas
    [few] { $steps } pași
   *[other] { $steps } de pași
}; ultima pierdere pe loturile de antrenare este { $train }.
train-chart-description-with-test = { $chart } Ultima pierdere pe cifrele de test este { $test }.
train-chart-empty = Apasă Start (sau Un pas) ca să antrenezi: pierderile apar aici pe măsură ce modelul învață.
train-chart-caption = Pierderile sunt pe imagine: termenul de reconstrucție se însumează pe cei 784 de pixeli (entropia încrucișată binară, în nați; eroarea pătratică pentru autoencoderul liniar), deci valorile sunt de ordinul sutelor. Celelalte pagini arată eroarea pătratică medie (MSE) pe pixel.

## Un link cu alte setări
train-link-offer = Acest link conține alte setări de antrenare decât ale tale (salvate în acest browser). Setările tale rămân până alegi.
train-link-offer-running = Acest link conține alte setări de antrenare, dar un model se antrenează și setările lui nu se pot schimba acum: pune antrenarea pe pauză sau oprește-o ca să folosești setările din link.
train-link-settings = Setările din link: { $kind }, dim(h) = { NUMBER($latent, useGrouping: "false") }, lățimile straturilor ascunse { $hidden }, rata de învățare { $rate }, dimensiunea lotului { $batch }, { $epochs ->
    [one] { $epochs } epocă
    [few] { $epochs } epoci
   *[other] { $epochs } de epoci
}, sămânța { NUMBER($seed, useGrouping: "false") }.
train-link-accept = Folosește setările din link
train-link-keep = Păstrează setările mele
