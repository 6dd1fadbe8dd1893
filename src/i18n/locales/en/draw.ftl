# The draw view: the pad, the reconstructions, their errors and the formulas beside them.

draw-pad-label = Drawing pad: draw a digit with the mouse, a finger or a pen
draw-clear = Clear
draw-random = Random test digit
draw-caption-test = Test digit #{ $index } (label { $label }), exactly as in MNIST
draw-caption-test-strokes = Test digit #{ $index } with your strokes, preprocessed like MNIST
draw-caption-empty = Draw a digit (0–9) on the pad
draw-caption-drawing = Your drawing, cropped, fitted to 20×20 and centred by mass like MNIST
draw-caption-link = The digit of the link you opened, exactly as it was sent
draw-caption-link-strokes = The digit of the link you opened with your strokes, preprocessed like MNIST

draw-link-offer = The link you opened shows another digit than the drawing saved in this browser. Your drawing stays until you choose.
draw-link-accept = Show the link's digit
draw-link-keep = Keep my drawing

draw-input-label = Model input x (28×28)
draw-input-title = Input x (28×28)
draw-ae-title = Autoencoder r = g(f(x))
draw-ae-label = Autoencoder reconstruction
draw-vae-title = VAE g(μ)
draw-vae-label = VAE reconstruction
draw-timing = Reconstructed in { $ms } ms on the { $engine } engine
draw-engine-label = Run live drawing on
draw-engine-auto = the faster engine (auto)
draw-engine-cpu = the CPU engine

draw-task-reconstruct = Reconstructing the digit
draw-task-encode = Encoding the digit with the VAE
draw-task-test-errors = Measuring the test digits' errors

draw-scale-worse = worse than { $percent }% of the test digits
draw-scale-worse-high = worse than { $percent }% of the test digits — higher than most digits
draw-scale-worse-anomaly = worse than { $percent }% of the test digits — more than almost every digit: unusual for this model (an anomaly?)
draw-scale-measuring = measuring the test digits' errors…

draw-formulas-ae = Autoencoder
draw-formulas-vae = Variational autoencoder (VAE)
draw-concept-encoder = The encoder f turns the image x into h, the feature descriptor (the code).
draw-concept-decoder = The decoder g rebuilds the image from the code: r is the reconstruction.
draw-concept-loss = Training minimises a loss L that penalises g(f(x)) when it differs from x; here L is the MSE, shown with this digit's value.
draw-concept-mse = The mean squared error per pixel between this input x and its reconstruction r.
draw-concept-undercomplete = Undercomplete: the code is smaller than the input, so the autoencoder learns a contracted representation that keeps the most representative features.
draw-concept-overcomplete = Overcomplete: the code is at least as large as the input, so without regularisation the autoencoder could simply copy its input.
draw-concept-elbo = The VAE is trained by minimising the negative ELBO: the reconstruction term plus the KL divergence between the encoder's distribution q(z|x) = N(μ, σ²) and the prior p(z) = N(0, I). The numbers are this digit's, with z = μ.
draw-concept-bce = The reconstruction term: the binary cross-entropy between the pixels of x and of r = g(μ), summed over the 784 pixels (in nats).
draw-concept-bce-value = The reconstruction term: the binary cross-entropy between the pixels of x and of r = g(μ), summed over the 784 pixels: { $value } nats for this digit.
draw-concept-kl = The KL term in closed form, summed over the latent dimensions j; below, each dimension's share for this digit (0 where q matches the prior).
draw-kl-dims-label = KL divergence of each latent dimension for this digit

draw-explain-summary = What am I looking at?
draw-code-same = Both networks squeeze the 784 pixels of x into a code of { $dim } numbers and rebuild the image from it; { $size }, so the network must keep only the most representative features of digits.
draw-code-different = The networks squeeze the 784 pixels of x into a code (the autoencoder: { $ae } numbers, { $ae_size }; the VAE: { $vae } numbers, { $vae_size }) and rebuild the image from it.
draw-code-under = dim(h) = { $dim } < dim(x) = 784: an undercomplete code
draw-code-over = dim(h) = { $dim } ≥ dim(x) = 784: an overcomplete code
draw-explain-ae-name = Autoencoder
draw-explain-ae = : encoder h = f(x), decoder r = g(h) = g(f(x)), trained to minimise the reconstruction loss L(x, g(f(x))). Architecture { $architecture }; test MSE { $mse }, against { $pca } for PCA with { $components } components.
draw-explain-vae-name = Variational autoencoder
draw-explain-vae = : the encoder gives a distribution q(z|x) = N(μ, σ²); training samples z = μ + σ·ε with ε ~ N(0, I) (the reparameterisation trick) and maximises the ELBO = E[log p(x|z)] − KL(q(z|x) ‖ N(0, I)). Shown here is g(μ), the decoding of the mean code. Test MSE { $mse }; ELBO { $elbo } nats per digit.
draw-explain-mse = MSE is the mean squared error per pixel between the input and the reconstruction; the bars under it show how the { $count } test digits' errors are spread, with the current digit in red. Digits unlike the training data (a letter, a scribble) reconstruct badly: that error is how autoencoders detect anomalies.
