# Pagina de zgomot și ocluziune: coruperea unei cifre și compararea a patru modele pe ea.

noise-title = Coruperea datelor
noise-source = Sursa: { $source }
noise-source-test = cifra de test #{ $index } (eticheta { $label })
noise-source-drawing = desenul tău
noise-source-link = un desen din linkul deschis
noise-source-pad-empty = Sursa: planșa este goală: desenează mai întâi o cifră
noise-use-drawing = Folosește desenul meu
noise-random = Cifră de test aleatoare

noise-sigma = Zgomot gaussian σ = { $sigma }
noise-salt-pepper = Sare și piper: { $percent }% din pixeli
noise-mask-legend = Masca de ocluziune (desenează pe imaginea coruptă)
noise-mask-rect = Trage un dreptunghi
noise-mask-brush = Pictează cu pensula
noise-mask-patches = Adaugă pete aleatoare
noise-patch-count = număr
noise-patch-size = mărime
noise-mask-clear = Șterge masca
noise-mask-coverage = Masca acoperă { $percent }% din imagine
noise-seed = Sămânța
noise-reroll = Altă sămânță
noise-seed-caption = Aceeași sămânță dă mereu același zgomot și aceleași pete aleatoare.

noise-clean-label = Intrarea curată x
noise-clean-title = x curat
noise-corrupted-label = Intrarea coruptă; trage sau pictează pe ea ca să acoperi pixeli
noise-corrupted-title = x̃ = x + n, corupt
noise-model-ae = AE simplu
noise-model-dae = AE de eliminare a zgomotului
noise-model-inpaint = AE de inpainting
noise-model-vae = VAE g(μ)
noise-vs-clean = față de x
noise-vs-noisy = față de x̃
noise-task-reconstruct = Reconstrucția cifrei corupte

noise-concept-denoising = Autoencoderul de eliminare a zgomotului (denoising) primește la intrare x̃ = x + n, coruptă, și este antrenat să reproducă x, fără zgomot: învață modul de eliminare a zgomotului n din intrare.
noise-concept-mse = Funcția de cost L pentru această cifră: eroarea pătratică medie pe pixel între x, curat, și reconstrucția lui x̃ dată de autoencoderul de eliminare a zgomotului.
noise-concept-inpainting = Inpainting: autoencoderul este antrenat cu input = original + ocluziune și output = original. Este o formă particulară de denoising: învață să recupereze informația din spatele ocluziunii.
noise-explain = MSE față de x măsoară ce trebuie să facă un autoencoder de eliminare a zgomotului: să recupereze x din x̃ = x + n. MSE față de x̃ măsoară cât de fidel își copiază un model intrarea, cu tot cu zgomot: un autoencoder simplu tinde să copieze zgomotul, unul de eliminare a zgomotului, antrenat să minimizeze L(x, g(f(x̃))), învață să-l elimine, iar unul de inpainting completează ce ascunde masca.
noise-dae-title = Autoencoder de eliminare a zgomotului, cod cu { $dim } dimensiuni
noise-inpaint-title = Autoencoder de inpainting, cod cu { $dim } dimensiuni
noise-trained-denoising = zgomot gaussian, σ ~ U(0, { $sigma }) pe lot; zgomot sare și piper pe jumătate din loturi, fracțiune ~ U(0, { $sp })
noise-trained-inpainting = o ocluziune dreptunghiulară aleatoare pe imagine, cu laturi de { $min }–{ $max } px
noise-bench-dae = zgomot gaussian σ = 0,5, MSE față de imaginea curată
noise-bench-inpaint = o ocluziune aleatoare de 10×10, MSE față de imaginea curată în interiorul măștii
noise-shipped = : antrenat cu { $trained }.
noise-shipped-bench = : antrenat cu { $trained }; setul de test, { $benchmark }: { $mse } (AE simplu { $plain }).

noise-batch-title = 16 cifre de test aleatoare cu această corupere
noise-row-clean = curate
noise-row-corrupted = corupte
noise-row-ae = AE simplu
noise-row-dae = AE denoising
noise-row-inpaint = AE inpainting
noise-row-vae = VAE
noise-batch-label = 16 cifre de test: curate, corupte, apoi reconstrucțiile autoencoderelor simplu, de eliminare a zgomotului și de inpainting și ale VAE-ului, câte un rând fiecare
noise-batch-other = Alte cifre
noise-means-title = MSE medie față de imaginile curate pe setul de test
noise-batch-done = { $count ->
    [one] { $count } cifră
    [few] { $count } cifre
   *[other] { $count } de cifre
 } în { $ms } ms pe motorul { $engine }
noise-batch-computing = se calculează… { $done } din { $total ->
    [one] { $total } cifră
    [few] { $total } cifre
   *[other] { $total } de cifre
 }
noise-batch-computing-stale = se calculează… { $done } din { $total ->
    [one] { $total } cifră
    [few] { $total } cifre
   *[other] { $total } de cifre
 } (gri: valorile coruperii anterioare)
noise-task-batch = Reconstrucția celor 16 cifre
noise-task-means = Calculul mediei pe setul de test
