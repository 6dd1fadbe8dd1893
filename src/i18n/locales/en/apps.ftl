# The applications lab (#/apps): what a trained encoder is for.

nav-apps = Applications
apps-title = Applications of autoencoders
apps-lead = What a trained encoder is for, as the lecture lists it. Every number here is computed in your browser from the models in use (your lab model too, when it stands in for the AE or the VAE).
apps-tabs-label = Applications
apps-tab-reduce = Dimensionality reduction

apps-reduce-intro = An undercomplete encoder reduces the dimensionality of the data: here the 784 pixels of each of the 2,000 test digits become two numbers, by PCA and by two encoders with a 2-D code. Where the classes stay apart in the plane, the two numbers kept what tells the digits apart.
apps-reduce-concept-encoder = The encoder f maps each image x to its code h, here a point in the plane.
apps-reduce-concept-pca = PCA projects x onto its first two principal directions: the best linear reduction for squared error.
apps-reduce-pca = PCA-2 (pixels)
apps-reduce-ae = Autoencoder, 2-D code h
apps-reduce-vae = VAE, 2-D mean μ
apps-reduce-pca-caption = A linear projection: the classes overlap heavily.
apps-reduce-ae-caption = A nonlinear encoder: clusters per class, with gaps between them.
apps-reduce-vae-caption = A nonlinear encoder pulled towards N(0, I): clusters in one continuous cloud.
apps-reduce-knn = Class separation (5-NN accuracy):
apps-reduce-knn-explain = Class separation: the share of test digits whose { $k } nearest other test digits in the plane mostly have their class (a vote among neighbours; 0.1 would be chance, 1 perfect separation).
apps-reduce-task-encode = Encoding the 2,000 test digits in 2-D
apps-tab-retrieval = Information retrieval
apps-use-drawing = Use my drawing
apps-random-digit = Random test digit

apps-retrieval-intro = The encoder's descriptors form a search base: the query (the current digit) is compared with the 8,000 training digits, and the closest come back. In pixel space closeness means overlapping ink; in a code space, similar shape — which is what a search should find.
apps-retrieval-concept-encoder = The encoder f turns the query and every training digit into descriptors h.
apps-retrieval-concept-distance = The closest descriptors, by Euclidean distance, are the results.
apps-retrieval-query = The query
apps-retrieval-pixels = Pixels (784 numbers)
apps-retrieval-pca = PCA-16
apps-retrieval-ae = Autoencoder, code h (16)
apps-retrieval-vae = VAE, mean μ (16)
apps-retrieval-result-label = A training digit of class { $label }
apps-retrieval-building = Encoding the 8,000 training digits in every space…
apps-retrieval-table-title = Precision@10 over the test split
apps-retrieval-table-explain = Every one of the 2,000 test digits is a query against the 8,000 training digits; precision@10 is the share of its 10 nearest that have its class, averaged over the queries. One matrix product per block of queries, on the engine in use.
apps-retrieval-measure = Measure on the 2,000 test digits
apps-retrieval-progress = Measuring progress
apps-retrieval-space = Space
apps-retrieval-precision = Precision@10
apps-retrieval-ms = Milliseconds per query
apps-retrieval-task-gallery = Encoding the training digits
apps-retrieval-task-query = Searching for the query
apps-retrieval-task-table = Measuring precision@10
