# Laboratorul de aplicații (#/apps): la ce folosește un codor antrenat.

nav-apps = Aplicații
apps-title = Aplicații ale autoencoderelor
apps-lead = La ce folosește un codor antrenat, așa cum le enumeră cursul. Fiecare număr de aici este calculat în browserul tău cu modelele folosite (inclusiv modelul tău din laborator, când ține locul AE-ului sau al VAE-ului).
apps-tabs-label = Aplicații
apps-tab-reduce = Reducerea dimensionalității

apps-reduce-intro = Un codor subcomplet (undercomplete) reduce dimensionalitatea datelor: aici cei 784 de pixeli ai fiecăreia dintre cele 2.000 de cifre de test devin două numere, prin PCA și prin doi codori cu un cod bidimensional. Acolo unde clasele rămân separate în plan, cele două numere au păstrat ceea ce deosebește cifrele.
apps-reduce-concept-encoder = Codorul f transformă fiecare imagine x în codul ei h, aici un punct în plan.
apps-reduce-concept-pca = PCA proiectează x pe primele două direcții principale: cea mai bună reducere liniară pentru eroarea pătratică.
apps-reduce-pca = PCA-2 (pixeli)
apps-reduce-ae = Autoencoder, cod h bidimensional
apps-reduce-vae = VAE, media μ bidimensională
apps-reduce-pca-caption = O proiecție liniară: clasele se suprapun mult.
apps-reduce-ae-caption = Un codor neliniar: câte un cluster pe clasă, cu goluri între ele.
apps-reduce-vae-caption = Un codor neliniar atras spre N(0, I): clustere într-un singur nor continuu.
apps-reduce-knn = Separarea claselor (acuratețea 5-NN):
apps-reduce-knn-explain = Separarea claselor: proporția cifrelor de test ale căror { $k } cele mai apropiate alte cifre de test din plan au în majoritate clasa lor (un vot între vecini; 0,1 ar fi întâmplarea, 1 separarea perfectă).
apps-reduce-task-encode = Codarea celor 2.000 de cifre de test în 2-D
apps-tab-retrieval = Regăsirea informației
apps-use-drawing = Folosește desenul meu
apps-random-digit = Cifră de test aleatoare

apps-retrieval-intro = Descriptorii produși de codor formează o bază de căutare: interogarea (cifra curentă) este comparată cu cele 8.000 de cifre de antrenare și se întorc cele mai apropiate. În spațiul pixelilor, apropierea înseamnă cerneală suprapusă; într-un spațiu al codurilor, formă asemănătoare — adică ce ar trebui să găsească o căutare.
apps-retrieval-concept-encoder = Codorul f transformă interogarea și fiecare cifră de antrenare în descriptori h.
apps-retrieval-concept-distance = Descriptorii cei mai apropiați, după distanța euclidiană, sunt rezultatele.
apps-retrieval-query = Interogarea
apps-retrieval-pixels = Pixeli (784 de numere)
apps-retrieval-pca = PCA-16
apps-retrieval-ae = Autoencoder, codul h (16)
apps-retrieval-vae = VAE, media μ (16)
apps-retrieval-result-label = O cifră de antrenare din clasa { $label }
apps-retrieval-building = Se codează cele 8.000 de cifre de antrenare în fiecare spațiu…
apps-retrieval-table-title = Precizia@10 pe setul de test
apps-retrieval-table-explain = Fiecare dintre cele 2.000 de cifre de test este o interogare în baza celor 8.000 de cifre de antrenare; precizia@10 este proporția celor mai apropiate 10 care au clasa ei, mediată pe interogări. Un produs de matrice pe fiecare bloc de interogări, pe motorul de calcul folosit.
apps-retrieval-elapsed = Tabelul întreg (fiecare cifră de test codată și căutată în cele patru spații) a durat { $seconds } s în acest browser.
apps-retrieval-measure = Măsoară pe cele 2.000 de cifre de test
apps-retrieval-progress = Progresul măsurării
apps-retrieval-space = Spațiul
apps-retrieval-precision = Precizia@10
apps-retrieval-ms = Milisecunde pe interogare
apps-retrieval-task-gallery = Codarea cifrelor de antrenare
apps-retrieval-task-query = Căutarea interogării
apps-retrieval-task-table = Măsurarea preciziei@10

apps-tab-pca = PCA și autoencoderul liniar
apps-pca-intro = Cu un decodor liniar și eroare pătratică, un autoencoder învață același subspațiu ca PCA. Aici un autoencoder liniar cu un cod de 16 dimensiuni (fără nicio activare, antrenat pe eroarea pătratică) stă lângă PCA-16 al pixelilor de antrenare: aceleași reconstrucții, aceeași eroare, iar unghiurile dintre cele două subspații de 16 dimensiuni sunt aproape zero. Un codor și un decodor neliniare (AE-16) dau o reprezentare mai puternică decât PCA: o eroare mai mică cu aceleași 16 numere.
apps-pca-concept-pca = PCA păstrează proiecția pe cele 16 direcții principale W; autoencoderul liniar învață o bază a aceluiași subspațiu (nu neapărat aceleași direcții).
apps-pca-concept-mse = Amândouă minimizează eroarea pătratică de reconstrucție.
apps-pca-mosaic-label = Cifre de test (rândul de sus), apoi reconstrucțiile lor prin PCA-16, prin autoencoderul liniar și prin autoencoderul neliniar
apps-pca-mosaic-caption = Rânduri: cifrele de test, PCA-16, autoencoderul liniar (16), autoencoderul neliniar (16).
apps-pca-mse-pca = MSE pe test, PCA-16
apps-pca-mse-linear = MSE pe test, autoencoderul liniar
apps-pca-mse-ae = MSE pe test, autoencoderul neliniar (AE-16)
apps-pca-max-angle = Cel mai mare unghi principal dintre cele două subspații (grade)
apps-pca-angles-explain = Unghiurile principale măsoară cât de departe sunt două subspații: 0° pentru același subspațiu, 90° pentru subspații perpendiculare. Aici sunt calculate din ponderile decodorului liniar și din componentele PCA.
apps-pca-task = Compararea PCA cu autoencoderul liniar

apps-tab-colour = Colorizare
apps-colour-intro = Un autoencoder de colorizare primește o imagine în nuanțe de gri și este antrenat să redea imaginea color. MNIST nu are culori, așa că aici culoarea este sintetică și decurge din formă: fiecare clasă are nuanța ei (mai jos), iar luminozitatea urmează cerneala. Ca să coloreze o cifră, rețeaua trebuie deci să o recunoască din liniile gri.
apps-colour-legend = Nuanța fiecărei clase
apps-colour-input = Intrarea gri
apps-colour-output = Ieșirea color
apps-colour-truth = Colorarea adevărată
apps-colour-truth-none = Un desen nu are clasă, deci nici colorare adevărată
apps-colour-ambiguous = Un desen ambiguu (între un 4 și un 9, de exemplu) iese în culori amestecate: antrenată pe eroarea pătratică, rețeaua dă media colorărilor pe care le consideră probabile, așa că nesiguranța se vede ca un amestec de nuanțe.
apps-colour-grid = Cifre de test: intrări gri, ieșiri color, colorări adevărate
apps-colour-quality = Pe cele 2.000 de cifre de test: MSE { $mse } față de colorarea adevărată; un colorizator care nu ține cont de clasă (media celor zece colorări) obține { $blind }.
apps-colour-task-load = Încărcarea modelului de colorizare
apps-colour-task-run = Colorarea cifrelor
apps-colour-concept = Antrenat cu intrarea γ(x), versiunea gri a imaginii color x, și cu ieșirea x însăși: rețeaua învață să pună culoarea la loc.

apps-tab-clustering = Clusterizare
apps-cluster-intro = Descriptorii produși de codor sunt trăsături utile pentru un algoritm de clusterizare precum k-means: spațiul latent este organizat în clustere formate din exemplele cele mai asemănătoare. Aici k-means grupează cele 2.000 de cifre de test fără să le vadă etichetele, în spațiul pixelilor și în trei spații de descriptori; etichetele sunt folosite abia la final, ca să evalueze grupurile.
apps-cluster-concept = k-means caută k centre μⱼ care minimizează distanța pătratică dintre fiecare descriptor și centrul clusterului său Cⱼ (inițializare k-means++, apoi iterații Lloyd până când niciun punct nu mai schimbă clusterul).
apps-cluster-k = Numărul de clustere k = { $k }
apps-cluster-seed = Sămânța
apps-cluster-purity = Puritatea
apps-cluster-nmi = NMI
apps-cluster-centres = Centrul fiecărui cluster, ca imagine
apps-cluster-table = Clustere × clase
apps-cluster-explain = Puritatea: proporția cifrelor pentru care clasa cea mai frecventă din clusterul lor este chiar clasa lor. NMI (informația mutuală normalizată, de la 0 la 1): cât spune clusterul despre clasă. Centrele din spațiile latente sunt decodate de decodor; în spațiul pixelilor, un centru este imaginea medie a clusterului său.
apps-cluster-task = Clusterizarea cifrelor de test
apps-cluster-time = k-means: { $iterations ->
    [one] o iterație Lloyd
    [few] { $iterations } iterații Lloyd
   *[other] { $iterations } de iterații Lloyd
} în { $ms } ms
apps-cluster-elapsed = Toate cele patru spații (codarea, k-means și decodarea centrelor) au durat { $seconds } s în acest browser.

apps-tab-anomaly = Detecția anomaliilor
apps-anomaly-intro = Autoencoderele au fost antrenate doar pe cifre, deci orice altceva se reconstruiește prost: eroarea de reconstrucție este un scor al cât de neobișnuită este o imagine. Histograma compară cele 2.000 de cifre de test cu trei seturi care nu sunt cifre: 2.000 de imagini Fashion-MNIST (haine), zgomot uniform și cifrele de test rotite cu 90°. Un prag transformă scorul într-un verdict. Desenează o literă sau o mâzgăleală în pagina de desen și urmărește cum trece pragul.
apps-anomaly-concept-ae = Scorul autoencoderului: eroarea pătratică medie a reconstrucției.
apps-anomaly-concept-vae = Scorul VAE-ului: −ELBO, termenul de reconstrucție plus termenul KL, în nați (un ELBO mic înseamnă o imagine improbabilă).
apps-anomaly-model = Scorul dat de
apps-anomaly-model-ae = Autoencoder (MSE)
apps-anomaly-model-vae = VAE (−ELBO)
apps-anomaly-level = Pragul: peste { $percent }% dintre cifrele de test
apps-anomaly-scoring = Se calculează scorurile celor 8.000 de imagini cu ambele modele…
apps-anomaly-set-digits = Cifre de test
apps-anomaly-set-fashion = Fashion-MNIST
apps-anomaly-set-noise = Zgomot uniform
apps-anomaly-set-rotated = Cifre rotite cu 90°
apps-anomaly-axis-score = scorul (axă logaritmică)
apps-anomaly-axis-share = proporția din set
apps-anomaly-axis-fpr = rata fals pozitivelor (cifre semnalate)
apps-anomaly-axis-tpr = rata adevărat pozitivelor (anomalii semnalate)
apps-anomaly-histogram-label = Histograma scorurilor cifrelor de test și ale celor trei seturi de anomalii, cu pragul (negru) și cifra curentă (verde)
apps-anomaly-histogram-caption = Linia neagră este pragul, cea verde cifra curentă (desenul tău sau cifra de test 0 când planșa e goală).
apps-anomaly-roc-label = Curbele ROC ale celor trei seturi de anomalii față de cifrele de test
apps-anomaly-roc-caption = Fiecare curbă arată toate pragurile deodată: proporția anomaliilor prinse față de proporția cifrelor semnalate greșit. Diagonala înseamnă ghicit.
apps-anomaly-verdict-normal = Cifra curentă are scorul { $score }: sub prag, deci arată ca o cifră.
apps-anomaly-verdict-anomaly = Cifra curentă are scorul { $score }: peste prag, deci este semnalată ca anomalie.
apps-anomaly-fpr = La acest prag { $fpr } dintre cifrele de test sunt semnalate greșit (rata fals pozitivelor).
apps-anomaly-rates = { $set }: { $tpr } prinse (rata adevărat pozitivelor).
apps-anomaly-auc = AUC
apps-anomaly-auc-explain = AUC, aria de sub curba ROC: probabilitatea ca o anomalie aleasă la întâmplare să aibă un scor mai mare decât o cifră de test aleasă la întâmplare (1: mereu, 0,5: ca întâmplarea).
apps-anomaly-task-scores = Calculul scorurilor cifrelor de test și ale seturilor de anomalii
apps-anomaly-elapsed = Scorurile celor 8.000 de imagini, cu ambele modele, au durat { $seconds } s în acest browser.
apps-anomaly-task-current = Calculul scorului cifrei curente
