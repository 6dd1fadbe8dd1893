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
