# Pagina de desen: planșa, reconstrucțiile, erorile lor și formulele de lângă ele.

draw-pad-label = Planșa de desen: desenează o cifră cu mouse-ul, cu degetul sau cu un creion digital
draw-clear = Șterge
draw-random = Cifră de test aleatoare
draw-caption-test = Cifra de test #{ $index } (eticheta { $label }), exact ca în MNIST
draw-caption-test-strokes = Cifra de test #{ $index } cu liniile tale, preprocesată ca în MNIST
draw-caption-empty = Desenează o cifră (0–9) pe planșă
draw-caption-drawing = Desenul tău, decupat, încadrat în 20×20 și centrat după masă, ca în MNIST
draw-caption-link = Cifra din linkul deschis, exact cum a fost trimisă
draw-caption-link-strokes = Cifra din linkul deschis, cu liniile tale, preprocesată ca în MNIST

draw-link-offer = Linkul deschis arată altă cifră decât desenul salvat în acest browser. Desenul tău rămâne până când alegi.
draw-link-accept = Arată cifra din link
draw-link-keep = Păstrează desenul meu

draw-input-label = Intrarea modelului x (28×28)
draw-input-title = Intrarea x (28×28)
draw-ae-title = Autoencoder r = g(f(x))
draw-ae-label = Reconstrucția autoencoderului
draw-vae-title = VAE g(μ)
draw-vae-label = Reconstrucția VAE-ului
draw-timing = Reconstruit în { $ms } ms pe motorul { $engine }
draw-engine-label = Desenul live rulează pe
draw-engine-auto = motorul mai rapid (automat)
draw-engine-cpu = motorul CPU

draw-task-reconstruct = Reconstrucția cifrei
draw-task-encode = Codarea cifrei cu VAE-ul
draw-task-test-errors = Măsurarea erorilor cifrelor de test

draw-scale-worse = mai mare decât la { $percent }% dintre cifrele de test
draw-scale-worse-high = mai mare decât la { $percent }% dintre cifrele de test — peste majoritatea cifrelor
draw-scale-worse-anomaly = mai mare decât la { $percent }% dintre cifrele de test — peste aproape toate cifrele: neobișnuit pentru acest model (o anomalie?)
draw-scale-measuring = se măsoară erorile cifrelor de test…

draw-formulas-ae = Autoencoder
draw-formulas-vae = Autoencoder variațional (VAE)
draw-concept-encoder = Codorul (encoder) f transformă imaginea x în h, descriptorul de trăsături (codul).
draw-concept-decoder = Decodorul (decoder) g reconstruiește imaginea din cod: r este reconstrucția.
draw-concept-loss = Antrenarea minimizează o funcție de cost L care penalizează ieșirea g(f(x)) atunci când este diferită de x; aici L este MSE, cu valoarea pentru această cifră.
draw-concept-mse = Eroarea pătratică medie pe pixel între intrarea x și reconstrucția ei r.
draw-concept-undercomplete = Undercomplete: codul are o dimensiune mai mică decât intrarea, deci autoencoderul învață o reprezentare contractată a datelor, care păstrează cele mai reprezentative trăsături.
draw-concept-overcomplete = Overcomplete: codul are dimensiunea cel puțin egală cu a intrării, deci fără regularizare autoencoderul ar putea doar să copieze intrarea la ieșire.
draw-concept-elbo = VAE-ul se antrenează prin minimizarea funcției de cost ELBO (cu semn schimbat): termenul de reconstrucție plus divergența KL între distribuția învățată de codor, q(z|x) = N(μ, σ²), și distribuția ideală p(z) = N(0, I). Valorile sunt ale acestei cifre, cu z = μ.
draw-concept-bce = Termenul de reconstrucție: entropia încrucișată binară între pixelii lui x și ai lui r = g(μ), însumată pe cei 784 de pixeli (în nați).
draw-concept-bce-value = Termenul de reconstrucție: entropia încrucișată binară între pixelii lui x și ai lui r = g(μ), însumată pe cei 784 de pixeli: { $value } nați pentru această cifră.
draw-concept-kl = Termenul KL în formă închisă, însumat pe dimensiunile j ale spațiului latent; mai jos, partea fiecărei dimensiuni pentru această cifră (0 acolo unde q coincide cu distribuția ideală).
draw-kl-dims-label = Divergența KL a fiecărei dimensiuni latente pentru această cifră

draw-explain-summary = Ce văd aici?
draw-code-same = Ambele rețele comprimă cei 784 de pixeli ai lui x într-un cod de { $dim ->
    [one] { $dim } număr
    [few] { $dim } numere
   *[other] { $dim } de numere
 } și reconstruiesc imaginea din el; { $size }, deci rețeaua trebuie să păstreze doar cele mai reprezentative trăsături ale cifrelor.
draw-code-different = Rețelele comprimă cei 784 de pixeli ai lui x într-un cod (autoencoderul: { $ae ->
    [one] { $ae } număr
    [few] { $ae } numere
   *[other] { $ae } de numere
 }, { $ae_size }; VAE-ul: { $vae ->
    [one] { $vae } număr
    [few] { $vae } numere
   *[other] { $vae } de numere
 }, { $vae_size }) și reconstruiesc imaginea din el.
draw-code-under = dim(h) = { $dim } < dim(x) = 784: un cod undercomplete (reprezentare contractată)
draw-code-over = dim(h) = { $dim } ≥ dim(x) = 784: un cod overcomplete (reprezentare dilatată)
draw-explain-ae-name = Autoencoder
draw-explain-ae = : codor h = f(x), decodor r = g(h) = g(f(x)), antrenat să minimizeze funcția de cost a reconstrucției L(x, g(f(x))). Arhitectura { $architecture }; MSE pe setul de test { $mse }, față de { $pca } pentru PCA cu { $components ->
    [one] { $components } componentă
    [few] { $components } componente
   *[other] { $components } de componente
 }.
draw-explain-vae-name = Autoencoder variațional
draw-explain-vae = : codorul dă o distribuție q(z|x) = N(μ, σ²); antrenarea eșantionează z = μ + σ·ε cu ε ~ N(0, I) (reparametrizarea) și maximizează ELBO = E[log p(x|z)] − KL(q(z|x) ‖ N(0, I)). Aici se vede g(μ), decodarea codului mediu. MSE pe setul de test { $mse }; ELBO { $elbo } nați pe cifră.
draw-explain-mse = MSE este eroarea pătratică medie pe pixel între intrare și reconstrucție; barele de sub ea arată cum sunt distribuite erorile celor { $count ->
    [one] { $count } cifră
    [few] { $count } cifre
   *[other] { $count } de cifre
 } de test, cu cifra curentă în roșu. Cifrele care nu seamănă cu datele de antrenare (o literă, o mâzgăleală) se reconstruiesc prost: prin această eroare detectează autoencoderele anomaliile.
