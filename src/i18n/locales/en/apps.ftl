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
apps-retrieval-elapsed = The whole table (every test digit encoded and searched in the four spaces) took { $seconds } s in this browser.
apps-retrieval-measure = Measure on the 2,000 test digits
apps-retrieval-progress = Measuring progress
apps-retrieval-space = Space
apps-retrieval-precision = Precision@10
apps-retrieval-ms = Milliseconds per query
apps-retrieval-task-gallery = Encoding the training digits
apps-retrieval-task-query = Searching for the query
apps-retrieval-task-table = Measuring precision@10

apps-tab-pca = PCA and the linear AE
apps-pca-intro = With a linear decoder and squared error, an autoencoder learns the same subspace as PCA. Here a linear autoencoder with a 16-D code (no activation anywhere, trained on squared error) stands beside PCA-16 of the training pixels: same reconstructions, same error, and the angles between their two 16-D subspaces near zero. A nonlinear encoder and decoder (the AE-16) give a more powerful representation than PCA: a lower error with the same 16 numbers.
apps-pca-concept-pca = PCA keeps the projection on the 16 principal directions W; the linear autoencoder learns a basis of the same subspace (not necessarily the same directions).
apps-pca-concept-mse = Both minimise the squared reconstruction error.
apps-pca-mosaic-label = Test digits (top row), then their reconstructions by PCA-16, by the linear autoencoder and by the nonlinear autoencoder
apps-pca-mosaic-caption = Rows: the test digits, PCA-16, the linear autoencoder (16), the nonlinear autoencoder (16).
apps-pca-mse-pca = Test MSE, PCA-16
apps-pca-mse-linear = Test MSE, linear autoencoder
apps-pca-mse-ae = Test MSE, nonlinear autoencoder (AE-16)
apps-pca-max-angle = Largest principal angle between the two subspaces (degrees)
apps-pca-angles-explain = Principal angles measure how far apart two subspaces are: 0° for the same subspace, 90° for perpendicular ones. They are computed here from the linear decoder's weights and PCA's components.
apps-pca-task = Comparing PCA with the linear autoencoder

apps-tab-colour = Colourisation
apps-colour-intro = A colourisation autoencoder takes a grey image and is trained to give back the colour one. MNIST has no colour, so the colour here is synthetic and follows from shape: each class has its hue (below), and brightness follows the ink. To colour a digit the network must therefore recognise it from the grey strokes.
apps-colour-legend = The hue of each class
apps-colour-input = Grey input
apps-colour-output = Colour output
apps-colour-truth = True colouring
apps-colour-truth-none = A drawing has no class, so no true colouring
apps-colour-ambiguous = An ambiguous drawing (between a 4 and a 9, say) comes out in mixed colours: trained on squared error, the network gives the average of the colourings it finds likely, so uncertainty shows as a blend of hues.
apps-colour-grid = Test digits: grey inputs, colour outputs, true colourings
apps-colour-quality = On the 2,000 test digits: MSE { $mse } against the true colouring; a colouriser blind to the class (the mean of the ten colourings) gets { $blind }.
apps-colour-task-load = Loading the colourisation model
apps-colour-task-run = Colouring the digits
apps-colour-concept = Trained with input γ(x), the grey version of the colour image x, and output x itself: the network learns to put the colour back.

apps-tab-clustering = Clustering
apps-cluster-intro = The encoder's descriptors are useful features for a clustering algorithm such as k-means: the latent space is organised in clusters of the most similar examples. Here k-means groups the 2,000 test digits without looking at their labels, in pixel space and in three spaces of descriptors; the labels are used only afterwards, to score the groups.
apps-cluster-concept = k-means looks for k centres μⱼ that minimise the squared distance of every descriptor to the centre of its cluster Cⱼ (k-means++ start, then Lloyd iterations until no point changes cluster).
apps-cluster-k = Number of clusters k = { $k }
apps-cluster-seed = Seed
apps-cluster-purity = Purity
apps-cluster-nmi = NMI
apps-cluster-centres = The centre of each cluster, as an image
apps-cluster-table = Clusters × classes
apps-cluster-explain = Purity: the share of digits whose cluster's most common class is their own class. NMI (normalised mutual information, 0 to 1): how much knowing the cluster tells about the class. The centres of the latent spaces are decoded by the decoder; in pixel space a centre is the mean image of its cluster.
apps-cluster-task = Clustering the test digits
apps-cluster-time = k-means: { $iterations ->
    [one] one Lloyd iteration
   *[other] { $iterations } Lloyd iterations
} in { $ms } ms
apps-cluster-elapsed = All four spaces (encoding, k-means and decoding the centres) took { $seconds } s in this browser.

apps-tab-anomaly = Anomaly detection
apps-anomaly-intro = The autoencoders were trained on digits only, so anything else reconstructs badly: its reconstruction error is a score of how unusual it is. The histogram compares the 2,000 test digits with three sets of non-digits: 2,000 Fashion-MNIST images (clothes), uniform noise, and the test digits turned by 90°. A threshold turns the score into a verdict. Draw a letter or a scribble in the draw view and watch it cross the threshold.
apps-anomaly-concept-ae = The autoencoder's score: the mean squared error of its reconstruction.
apps-anomaly-concept-vae = The VAE's score: −ELBO, the reconstruction term plus the KL term, in nats (a low ELBO means an unlikely image).
apps-anomaly-model = Score of
apps-anomaly-model-ae = Autoencoder (MSE)
apps-anomaly-model-vae = VAE (−ELBO)
apps-anomaly-level = Threshold: above { $percent }% of the test digits
apps-anomaly-scoring = Scoring 8,000 images with both models…
apps-anomaly-set-digits = Test digits
apps-anomaly-set-fashion = Fashion-MNIST
apps-anomaly-set-noise = Uniform noise
apps-anomaly-set-rotated = Digits turned by 90°
apps-anomaly-axis-score = score (logarithmic axis)
apps-anomaly-axis-share = share of the set
apps-anomaly-axis-fpr = false positive rate (digits flagged)
apps-anomaly-axis-tpr = true positive rate (outliers flagged)
apps-anomaly-histogram-label = Histogram of the scores of the test digits and of the three outlier sets, with the threshold (black) and the current digit (green)
apps-anomaly-histogram-caption = The black line is the threshold, the green one the current digit (your drawing, or test digit 0 on an empty pad).
apps-anomaly-roc-label = ROC curves of the three outlier sets against the test digits
apps-anomaly-roc-caption = Each curve shows every threshold at once: the share of outliers caught against the share of digits wrongly flagged. The diagonal is guessing.
apps-anomaly-verdict-normal = The current digit scores { $score }: below the threshold, so it looks like a digit.
apps-anomaly-verdict-anomaly = The current digit scores { $score }: above the threshold, so it is flagged as an anomaly.
apps-anomaly-fpr = At this threshold { $fpr } of the test digits are wrongly flagged (false positive rate).
apps-anomaly-rates = { $set }: { $tpr } caught (true positive rate).
apps-anomaly-auc = AUC
apps-anomaly-auc-explain = AUC, the area under the ROC curve: the chance that a random outlier scores higher than a random test digit (1: always, 0.5: no better than chance).
apps-anomaly-task-scores = Scoring the test digits and the outlier sets
apps-anomaly-elapsed = Scoring the 8,000 images with both models took { $seconds } s in this browser.
apps-anomaly-task-current = Scoring the current digit
