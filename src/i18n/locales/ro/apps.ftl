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
apps-retrieval-measure = Măsoară pe cele 2.000 de cifre de test
apps-retrieval-progress = Progresul măsurării
apps-retrieval-space = Spațiul
apps-retrieval-precision = Precizia@10
apps-retrieval-ms = Milisecunde pe interogare
apps-retrieval-task-gallery = Codarea cifrelor de antrenare
apps-retrieval-task-query = Căutarea interogării
apps-retrieval-task-table = Măsurarea preciziei@10
