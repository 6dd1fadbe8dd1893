# Laboratorul GAN (#/gan): secțiunea 4.4 a cursului.
nav-gan = Laboratorul GAN
gan-title = Rețele generative adversariale (GAN)
gan-lead = Două rețele joacă un joc. Generatorul G transformă zgomotul z în eșantioane; discriminatorul D primește un eșantion și spune cât de probabil este ca el să fie real. D învață să deosebească realul de fals, G învață să-l păcălească pe D. Spre deosebire de un VAE, nimic nu compară un eșantion cu o imagine de antrenare pixel cu pixel: G învață doar prin judecata lui D.
gan-tabs-label = Secțiunile laboratorului GAN
gan-tab-toy = Jocul 2-D
gan-tab-digits = Cifre
gan-tab-compare = GAN vs VAE

gan-theory-title = Jocul și funcțiile de pierdere
gan-theory-game = Jocul minimax cu doi jucători: D maximizează V (vrea D(x) → 1 pe datele reale și D(G(z)) → 0 pe cele false), G îl minimizează. La echilibru G reproduce distribuția datelor, iar D spune ½ peste tot.
gan-theory-d-loss = Pierderea discriminatorului este o entropie încrucișată binară: eșantioanele reale au eticheta 1, cele generate 0. Când D nu le poate deosebi, ea este 2 ln 2 ≈ 1,386.
gan-theory-g-loss = Pierderea nesaturantă a generatorului. Minimizarea lui log(1 − D(G(z))), așa cum e scris jocul, îi dă lui G un gradient aproape nul cât timp D îi respinge sigur eșantioanele (la începutul antrenării); −log D(G(z)) are același scop și un gradient puternic exact atunci. Schimbă „Pierderea generatorului” ca să compari: săgețile din jocul 2-D aproape dispar cu pierderea minimax.
gan-theory-sharper = De ce eșantioanele unui GAN sunt mai clare: un VAE se antrenează cu o pierdere de reconstrucție pe pixeli, iar când mai multe cifre sunt plauzibile, media lor o minimizează, deci eșantioanele lui sunt încețoșate. Generatorul unui GAN este judecat de D, care respinge o medie încețoșată ca nesemănând cu nicio cifră reală, așa că G alege un singur răspuns clar.
gan-theory-unstable = De ce antrenarea unui GAN este instabilă: nu există o singură pierdere care scade, ci doi jucători care își schimbă unul altuia problema. Pierderile oscilează în loc să conveargă; dacă D câștigă complet, gradientul lui G dispare; dacă G învață mult mai repede decât D, sare la ce îl păcălește pe D acum și poate acoperi doar câteva moduri ale datelor (colapsul modurilor). Presetările jocului 2-D le arată pe amândouă.

gan-toy-explain = Punctele verzi sunt eșantioane din distribuția țintă, cele mov sunt ale generatorului. Fundalul este D(x): verde unde D spune „real”, mov unde spune „fals”. Fiecare săgeată arată unde urmează G să-și mute punctul (minus gradientul pierderii lui G).
gan-toy-legend = Puncte verzi: eșantioane reale; puncte mov: G(z) pentru un lot fix de zgomot; fundal: D(x) (verde ≈ 1, alb ≈ ½, mov ≈ 0); săgeți: −∂ℒ_G/∂G(z).
gan-toy-plot-empty = Graficul 2-D: eșantioanele țintei; apasă Pornește sau Un pas ca să creezi și să antrenezi rețelele.
gan-toy-plot-label = Graficul 2-D: { $real } eșantioane ale țintei, { $fake } puncte generate, câmpul discriminatorului și săgețile generatorului.
gan-presets-label = Presetări
gan-preset-balanced = Inel echilibrat
gan-preset-collapse = Colapsul modurilor
gan-preset-fixed = Colapsul modurilor, reparat
gan-preset-balanced-note = z ∈ ℝ⁸, ambele rate de învățare 10⁻³, un pas al lui D pentru fiecare pas al lui G: G se întinde peste toate cele 8 moduri ale inelului (în circa 1.500 de pași).
gan-preset-collapse-note = z ∈ ℝ², G învață de zece ori mai repede decât D (5·10⁻³ față de 5·10⁻⁴): G sare unde D este mai slab înainte ca D să-l poată urma, așa că punctele lui se îngrămădesc pe unul sau două moduri și sar de la unul la altul.
gan-preset-fixed-note = Același z ∈ ℝ², cu G încetinit la ritmul lui D și 3 pași ai lui D pentru fiecare pas al lui G: D rămâne aproape de optim și penalizează un mod aglomerat înainte ca G să se îngrămădească acolo; toate cele 8 moduri sunt acoperite după circa 1.000 de pași.
gan-target = Distribuția țintă
gan-target-ring = Inel de 8 gaussiene
gan-target-moons = Două semilune
gan-target-line = O dreaptă
gan-target-drawn = Desenează-ți-o
gan-draw-hint = Desenează pe grafic cu indicatorul sau cu tastatura (săgețile mută crucea, Enter adaugă un punct): fiecare punct devine o mică gaussiană a țintei. { $count ->
    [one] Deocamdată { $count } punct.
    [few] Deocamdată { $count } puncte.
   *[other] Deocamdată { $count } de puncte.
}
gan-clear-drawing = Șterge desenul
gan-modes-covered = Moduri acoperite: { $covered } din { $modes } (un mod contează când cel puțin un sfert din partea lui cuvenită din punctele lui G se află la cel mult 0,5 de centrul lui).

gan-noise = Dimensiunea zgomotului dim(z)
gan-g-rate = Rata de învățare a lui G
gan-d-rate = Rata de învățare a lui D
gan-d-steps = Pași ai lui D pentru un pas al lui G
gan-batch = Dimensiunea lotului
gan-seed = Sămânța
gan-g-loss = Pierderea generatorului
gan-g-loss-non-saturating = nesaturantă: −log D(G(z))
gan-g-loss-minimax = minimax: log(1 − D(G(z)))
gan-engine = Motorul
gan-engine-auto-toy = automat (CPU: rețelele mici ale jocului 2-D nu câștigă nimic de la un GPU)
gan-engine-auto-digits = automat (WebGPU când este folosit)
gan-engine-webgpu = WebGPU
gan-engine-cpu = CPU (WebAssembly)
gan-start = Pornește
gan-resume = Continuă
gan-pause = Pauză
gan-single-step = Un pas
gan-reset = Resetează
gan-slow-motion = Cu încetinitorul
gan-state-idle = pregătit
gan-state-running = se antrenează
gan-state-pausing = trece în pauză
gan-state-paused = în pauză
gan-state-diverged = oprit
gan-progress = { $state } · pasul { $step }
gan-progress-numbers = ℒ_D { $d } · ℒ_G { $g } · D(real) { $real } · D(fals) { $fake }
gan-progress-speed = { $speed } pași/s
gan-progress-engine = pe { $engine }

gan-chart-losses = Pierderile
gan-chart-odds = Ieșirea medie a lui D
gan-chart-d-loss = pierderea lui D
gan-chart-g-loss = pierderea lui G
gan-chart-d-real = D(real)
gan-chart-d-fake = D(fals)
gan-chart-empty = Curbele jocului: goale până începe antrenarea.
gan-chart-description = Curbele jocului după pasul { $steps }: pierderea lui D { $d }, pierderea lui G { $g }, D(real) { $real }, D(fals) { $fake }.
gan-chart-caption = Citite la fiecare reîmprospătare. Pierderile nu scad împreună ca la un autoencoder: câștigul unui jucător este pierderea celuilalt. La echilibru D(real) și D(fals) se apropie amândouă de ½ (linia gri).

gan-digits-explain = Același joc pe cifrele de antrenare incluse: G transformă zgomotul z în 784 de pixeli, D citește 784 de pixeli. Grila arată eșantioanele lui G pentru aceiași 64 de vectori de zgomot pe toată durata antrenării, așa că le vezi trecând din zgomot gri în trăsături și apoi în cifre.
gan-digits-architecture = Generatorul z ∈ ℝ^{ $noise } → { $g } → 784 (leaky ReLU, pixeli sigmoid); discriminatorul 784 → { $d } → 1 logit (leaky ReLU). Mai mici decât GAN-ul livrat, ca un pas să rămână rapid în browser.
gan-digits-grid-empty = Eșantioanele generatorului apar după primul pas.
gan-digits-grid-label = 64 de eșantioane ale generatorului după pasul { $step }, pentru un lot fix de zgomot.
gan-digits-grid-caption = G(z) pentru un lot fix de 64 de vectori de zgomot.

gan-cannot-start = Antrenarea nu poate porni: { $why }
gan-bad-noise = dimensiunea zgomotului trebuie să fie între 1 și { $limit } (este { $value }).
gan-bad-learning-rate = fiecare rată de învățare trebuie să fie peste 0 și cel mult 0,1 (este { $value }).
gan-bad-d-steps = numărul de pași ai lui D pentru un pas al lui G trebuie să fie între 1 și 10 (este { $value }).
gan-bad-batch = dimensiunea lotului trebuie să fie între 1 și 512 (este { $value }).
gan-draw-first = desenează mai întâi pe grafic cel puțin două puncte ale țintei.
gan-diverged-not-finite = Antrenarea s-a oprit la pasul { $step }: o pierdere a devenit NaN sau infinită, rețelele au divergat. Scade ratele de învățare (G { $g }, D { $d }), de exemplu de zece ori, apoi Resetează și Pornește din nou.
gan-diverged-d-wins = Antrenarea s-a oprit la pasul { $step }: discriminatorul câștigă detașat (D(fals) = { $dfake }), deci gradientul generatorului a dispărut și acesta nu mai poate învăța. Încetinește-l pe D (o rată de învățare mai mică pentru D sau mai puțini pași ai lui D), mărește rata lui G sau folosește pierderea nesaturantă; apoi Resetează și Pornește din nou.
gan-engine-failed = Antrenarea s-a oprit: motorul a eșuat ({ $why }). Setările tale se păstrează; apasă Pornește ca să antrenezi din nou (pe CPU dacă WebGPU a eșuat).
gan-toy-distance = Distanța medie de la punctele lui G la cel mai apropiat eșantion al țintei: { $distance } (scade pe măsură ce G învață ținta).

gan-compare-explain = Ambele modele generează cifre din zgomot: GAN-ul livrat (gan-64) decodează z ∈ ℝ⁶⁴ eșantionat din N(0, I) prin generatorul lui; VAE-ul livrat (vae-16) decodează z ∈ ℝ¹⁶ eșantionat din distribuția lui a priori N(0, I) prin decodorul lui. Aceeași sămânță, același tip de zgomot, două moduri de a învăța să generezi. Privește trăsăturile: ale VAE-ului sunt medii încețoșate, ale GAN-ului sunt clare, iar unele dintre eșantioanele GAN-ului nu sunt chiar cifre.
gan-compare-loading = Se descarcă GAN-ul livrat…
gan-compare-failed = GAN-ul livrat nu a putut fi încărcat ({ $why }). Filele cu jocul 2-D și cu cifrele funcționează și fără el.
gan-compare-retry = Încearcă din nou
gan-compare-reroll = Eșantioane noi
gan-compare-quality = gan-64, antrenat timp de { $steps ->
    [one] { $steps } pas
    [few] { $steps } pași
   *[other] { $steps } de pași
}. Măsurat pe { $samples } de eșantioane față de primele { $train ->
    [one] { $train } cifră
    [few] { $train } cifre
   *[other] { $train } de cifre
} de antrenare: distanța medie până la cea mai apropiată cifră de antrenare { $nearest } (cifre reale de test, nevăzute: { $realnearest }; mult mai mică ar însemna copiere, mult mai mare cifre care nu seamănă cu niciuna reală); diversitatea { $diversity } (cifre reale: { $realdiversity }; 0 înseamnă că toate eșantioanele sunt aceeași imagine, colapsul modurilor).
gan-compare-gan-label = 64 de eșantioane ale GAN-ului livrat.
gan-compare-gan-caption = GAN: G(z), z ∼ N(0, I) în ℝ⁶⁴
gan-compare-vae-label = 64 de eșantioane ale VAE-ului livrat, din distribuția a priori.
gan-compare-vae-caption = VAE: decodor(z), z ∼ N(0, I) în ℝ¹⁶
gan-interp-title = Plimbare prin spațiul zgomotului
gan-interp-explain = De la primul eșantion al fiecărei grile la al doilea, în zece pași pe dreapta z = (1 − t)·z₁ + t·z₂. Spațiul latent al unui VAE este organizat de termenul KL, așa că plimbarea se transformă lin; spațiul zgomotului unui GAN nu are o asemenea constrângere, dar și G este o funcție netedă, deci și plimbarea lui se schimbă treptat, cu imagini clare pe tot parcursul.
gan-interp-gan-label = Zece eșantioane GAN de-a lungul unei drepte în spațiul zgomotului.
gan-interp-gan-caption = GAN: G((1 − t)·z₁ + t·z₂)
gan-interp-vae-label = Zece eșantioane VAE de-a lungul unei drepte în spațiul latent.
gan-interp-vae-caption = VAE: decodor((1 − t)·z₁ + t·z₂)
gan-task-gan-samples = Eșantionarea GAN-ului
gan-task-vae-samples = Decodarea eșantioanelor VAE-ului
gan-task-gan-walk = Eșantionarea GAN-ului de-a lungul dreptei
gan-task-vae-walk = Decodarea plimbării VAE-ului
gan-continues-on-cpu = Motorul a eșuat în timpul antrenării ({ $why }). Modelele revin la copia salvată în acest browser (pasul { $step }), în pauză, pe CPU: Continuă antrenează mai departe de acolo.
gan-file-unusable = modelele din fișier nu au putut fi rulate.

gan-file-title = Modelele ca fișier
gan-export = Exportă G și D
gan-import = Importă un fișier GAN
gan-imported = Am importat { $file }: modelele după pasul { $step }, în pauză, pe CPU. Continuă reia antrenarea (cu momente Adam noi: fișierul conține ponderile, nu starea optimizatorului).
gan-import-failed = Importul a eșuat: { $problem } Modelele folosite au rămas neschimbate.
gan-file-is-toy = acest fișier conține un GAN 2-D; importă-l în fila jocului 2-D.
gan-file-is-digits = acest fișier conține un GAN pentru cifre; importă-l în fila cu cifre.
gan-no-model-yet = încă nu există modele: apasă mai întâi Pornește sau Un pas.
gan-copy-failed = modelele nu au putut fi copiate de pe motor ({ $why }).
gan-download-failed = Fișierul nu a putut fi salvat ({ $why }).
gan-save-failed = Modelele nu au putut fi salvate în acest browser ({ $why }); exportă-le ca să le păstrezi.
gan-restored = Modelele de la ultima vizită au revenit (pasul { $step }), în pauză.
gan-restore-failed = Modelele salvate în acest browser nu au putut fi restaurate ({ $why }).
