# Pagina spațiului latent: hărți, varietatea decodată, interpolare, generare, reparametrizare și
# vectori de atribut. Termenii sunt cei ai cursului: spațiul latent, descriptor de trăsături
# (codul h), codor, decodor, interpolare, reparametrizare, eșantion, distribuție normală.

latent-family-ae = Autoencoder
latent-family-vae = VAE

## Bara de unelte
latent-size-label = Spațiul latent
latent-size-2 = Modele 2-D (hărți exacte)
latent-size-16 = Modele 16-D (proiecția PCA a descriptorilor)
latent-current = Cifra curentă:
latent-current-label = Cifra curentă
latent-use-drawing = Folosește desenul meu
latent-random = Cifră de test aleatoare
latent-task-encode-split = Codarea cifrelor de test
latent-task-encode-current = Codarea cifrei curente

## Hărți și varietate
latent-maps-title = Hărțile spațiului latent
latent-maps-explain = Fiecare punct este descriptorul unei cifre de test, colorat după clasa ei; crucea este cifra curentă (la VAE, cu elipsele de 1σ și 2σ ale lui q(z|x)). Mișcă mouse-ul pe o hartă ca să decodezi punctul respectiv și dă clic ca să-l fixezi. Descriptorii autoencoderului sunt puncte cu goluri între ele: decodarea unui gol dă o imagine fără sens. VAE-ul este antrenat să țină q(z|x) aproape de N(0, I), așa că spațiul lui latent este continuu și orice punct din apropierea datelor se decodează într-o cifră plauzibilă.
latent-maps-encoder = Codorul transformă fiecare cifră x în descriptorul ei de trăsături h, un punct din spațiul latent: hărțile arată descriptorii cifrelor de test.
latent-maps-decoder = Decodorul transformă orice punct h din spațiul latent într-o imagine: mișcarea pe o hartă decodează punctul de sub cursor.
latent-map-title-ae = Autoencoder: descriptorii h
latent-map-title-vae = VAE: mediile μ
latent-map-label = { $title }: descriptorii { $count ->
        [one] unei cifre de test, colorați
        [few] celor { $count } cifre de test, colorați
       *[other] celor { $count } de cifre de test, colorați
    } după clasă. Săgețile mută un cursor și decodează punctul de sub el; Enter îl fixează (A, apoi B).
latent-decoded-label = Punctul decodat
latent-legend-label = Culoarea fiecărei clase de cifre
latent-two-d-note = Două numere pe cifră înseamnă foarte puțin: multe cifre nu pot fi reprezentate deloc și se decodează ca altă clasă (treci cu mouse-ul peste crucea cifrei curente). De aceea interpolarea și vectorii de atribut de mai jos folosesc modelele 16-D.
latent-projection-note = Descriptorii 16-D sunt arătați prin primele două componente principale; un punct se decodează din descriptorul mediu plus aceste două componente, o aproximare.
latent-encoding-split = Se codează { $count ->
        [one] o cifră de test…
        [few] { $count } cifre de test…
       *[other] { $count } de cifre de test…
    }
latent-task-decode-point = Decodarea punctului de sub cursor
latent-task-decode-manifold = Decodarea grilei varietății
latent-manifold-title = Varietatea (manifold): decodarea unei grile peste fiecare hartă
latent-manifold-explain = Fiecare celulă este decodarea unui punct dintr-o grilă regulată peste hartă: grila autoencoderului își arată golurile prin imagini neclare și forme rupte, cea a VAE-ului trece lin de la o clasă la alta.
latent-manifold-grid = Grilă { $n } × { $n }
latent-manifold-label = { $title }: decodările unei grile de puncte de pe hartă

## Interpolare
latent-interp-title = Interpolare
latent-interp-explain = Mergi în linie dreaptă între doi descriptori și decodează fiecare pas. Banda de jos amestecă în schimb pixelii, pentru comparație: două cifre suprapuse, nu o cifră care se transformă în alta.
latent-interp-formula = h₁ și h₂ sunt descriptorii lui A și B, N este numărul de pași de interpolare; fiecare vector latent hᵢ, i = 0 … N, este decodat într-o imagine nouă. Glisorul alege i.
latent-interp-explain-pins-2 = Aceste capete sunt puncte ale hărților 2-D: linia dreaptă dintre ele traversează regiunile altor clase de pe hartă, așa că cifrele decodate trec pe drum prin acele clase.
latent-interp-explain-pins-16 = Aceste capete au fost fixate pe hărțile 16-D (o imagine 2-D a descriptorilor 16-D): linia trece prin spațiul 16-D, deci poate străbate regiuni pe care proiecția le ascunde.
latent-interp-explain-digits = Două cifre sunt interpolate cu modelele 16-D: spațiul continuu al VAE-ului tinde să transforme o cifră în cealaltă; descriptorii autoencoderului au goluri, unde imaginile devin neclare sau sar.
latent-task-encode-ends = Codarea capetelor interpolării
latent-task-decode-pins = Decodarea punctelor fixate
latent-task-decode-interp = Decodarea interpolării
latent-task-decode-strip = Decodarea benzii de interpolare
latent-pin-hint-ready = Ambele hărți au A și B: interpolează între ele cu modelele hărților.
latent-pin-hint = Ca să interpolezi între puncte ale hărților, dă clic pe două puncte pe fiecare hartă: A, apoi B (harta autoencoderului { $ae } din 2, harta VAE { $vae } din 2).
latent-end-pinned = { $end }: fixat pe hărți
latent-end-test = { $end }: cifra de test nr. { $digit }
latent-end-current = { $end }: cifra curentă
latent-end-image = Capătul { $end }
latent-end-digit = cifra de test nr.
latent-end-digit-label = Capătul { $end }: numărul cifrei de test
latent-end-current-button = cifra curentă
latent-interp-from-maps = Interpolează între punctele fixate A și B
latent-clear-pins = Șterge punctele fixate
latent-interp-step = Pasul i = { $i } din N = { $n } (t = i/N = { $t })
latent-interp-ae-label = Decodarea autoencoderului la pasul i
latent-interp-ae-caption = Autoencoder g(hᵢ)
latent-interp-vae-label = Decodarea VAE-ului la pasul i
latent-interp-vae-caption = VAE g(zᵢ)
latent-interp-n = N = { $n ->
        [one] { $n } pas
        [few] { $n } pași
       *[other] { $n } de pași
    }: o bandă de N + 1 = { $count ->
        [one] { $count } imagine
        [few] { $count } imagini
       *[other] { $count } de imagini
    }
latent-strip-ae = AE
latent-strip-vae = VAE
latent-strip-pixels = pixeli
latent-strip-ae-label = Decodările autoencoderului de-a lungul liniei de la A la B
latent-strip-vae-label = Decodările VAE-ului de-a lungul liniei de la A la B
latent-strip-pixels-label = Amestecul pixelilor de la A la B, pentru comparație

## Generare
latent-gen-title = Generarea de eșantioane noi
latent-gen-explain = Un VAE este generativ: distribuția lui a priori este N(0, I), deci decodarea lui z ~ N(0, I) dă cifre noi. Un autoencoder nu are o distribuție a priori; cel mai bun lucru pe care îl putem face este să eșantionăm h dintr-o distribuție normală potrivită pe descriptorii lui, iar multe dintre aceste eșantioane cad în golurile lui.
latent-gen-prior = Eșantionarea lui z din distribuția normală N(0, I) și decodarea lui cu g generează un eșantion nou: o cifră care nu se află în baza de date de antrenare.
latent-gen-kl = Antrenarea ține fiecare q(z|x) = N(μ, σ²) aproape de distribuția a priori: această divergență KL este 0 doar pentru μ = 0, σ = 1. De aceea punctele eșantionate din N(0, I) cad acolo unde decodorul a învățat cifre.
latent-gen-reroll = Eșantioane noi
latent-gen-seed = sămânța { $seed } · spațiu latent { $dim }-D
latent-gen-vae-label = { $count ->
        [one] { $count } cifră generată
        [few] { $count } cifre generate
       *[other] { $count } de cifre generate
    } de VAE din z ~ N(0, I)
latent-gen-vae-caption = VAE: g(z), z ~ N(0, I)
latent-gen-ae-label = { $count ->
        [one] { $count } decodare
        [few] { $count } decodări
       *[other] { $count } de decodări
    } ale unor descriptori eșantionați dintr-o distribuție normală potrivită pe descriptorii autoencoderului
latent-gen-ae-caption = Autoencoder: g(h), h ~ distribuție normală potrivită pe descriptorii lui
latent-task-decode-samples = Decodarea eșantioanelor generate

## Reparametrizare
latent-reparam-title = Reparametrizare: z = μ + σ·ε
latent-reparam-explain = Codorul VAE-ului dă μ și σ pentru cifra curentă; eșantionarea lui ε ~ N(0, I) și calculul z = μ + σ·ε mută partea aleatoare în afara rețelei, așa că gradienții trec prin μ și σ (backpropagation funcționează). Fiecare ε de mai jos se decodează într-o cifră puțin diferită.
latent-reparam-formula = Numerele sunt cele ale primei dimensiuni a descriptorului cifrei curente și ale primului ε eșantionat: media μ₁, deviația standard σ₁, zgomotul ε₁ și z₁ rezultat.
latent-reparam-table = μ și σ ale lui q(z|x) pentru cifra curentă, primul ε eșantionat și z-ul lui, pe fiecare dimensiune
latent-reparam-resample = Eșantionează din nou ε
latent-reparam-seed = sămânța { $seed }
latent-reparam-samples-label = Cifra curentă decodată din { $count ->
        [one] { $count } eșantion
        [few] { $count } eșantioane
       *[other] { $count } de eșantioane
    } z = μ + σ·ε
latent-task-decode-reparam = Decodarea z = μ + σ·ε

## Vectori de atribut
latent-attr-title = Vectori de atribut
latent-attr-explain = Ca vectorul zâmbetului de la fețe: se ia media descriptorilor cifrelor de test cu cel mai mult dintr-un atribut, se scade media descriptorilor celor cu cel mai puțin (câte un sfert) și cifra curentă se mută de-a lungul diferenței. Compară cu reconstrucția la α = 0: schimbarea este a atributului, nu a reconstrucției. Această secțiune folosește modelele 16-D.
latent-attr-formula = Descriptorul h al cifrei curente se mută cu α de-a lungul vectorului de atribut h_dif; descriptorul nou se decodează.
latent-attr-hdif-measured = Aici h_dif = h_mult − h_puțin: media descriptorilor sfertului de cifre de test cu cea mai mare { $attribute } minus media descriptorilor sfertului cu cea mai mică (la curs: h_dif = h_z − h_n, zâmbind minus fără zâmbet).
latent-attr-hdif-class = Aici h_dif = h_{ $class } − h_rest: media descriptorilor cifrelor de test din clasa { $class } minus media descriptorilor tuturor celorlalte cifre.
latent-attr-current-label = Cifra curentă
latent-attr-current-caption = Cifra curentă x
latent-attr-label = Atributul
latent-attr-thickness = grosime a liniei
latent-attr-slant = înclinare
latent-attr-width = lățime
latent-attr-class = clasa { $class }
latent-attr-measure-thickness = grosime: { $value }
latent-attr-measure-slant = înclinare: { $value }
latent-attr-measure-width = lățime: { $value }
latent-attr-alpha = α = { $alpha }
latent-attr-alpha-plus = α = +{ $alpha }
latent-attr-base-label = { $model }: reconstrucția la α = 0
latent-attr-base-caption = { $model } g(h), α = 0
latent-attr-output-label = { $model } cu atributul aplicat
latent-attr-output-caption = { $model } g(h + α·h_dif)
latent-task-decode-attr = Decodarea h + α·h_dif
