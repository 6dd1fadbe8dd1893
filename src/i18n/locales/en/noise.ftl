# The noise and occlusion view: corrupting a digit and comparing four models on it.

noise-title = Corruption
noise-source = Source: { $source }
noise-source-test = test digit #{ $index } (label { $label })
noise-source-drawing = your drawing
noise-source-link = a drawing from the link you opened
noise-source-pad-empty = Source: the pad is empty: draw a digit first
noise-use-drawing = Use my drawing
noise-random = Random test digit

noise-sigma = Gaussian noise σ = { $sigma }
noise-salt-pepper = Salt-and-pepper: { $percent }% of pixels
noise-mask-legend = Occlusion mask (draw on the corrupted image)
noise-mask-rect = Drag a rectangle
noise-mask-brush = Paint with a brush
noise-mask-patches = Drop random patches
noise-patch-count = count
noise-patch-size = size
noise-mask-clear = Clear the mask
noise-mask-coverage = Mask covers { $percent }% of the image
noise-seed = Seed
noise-reroll = Re-roll
noise-seed-caption = The same seed always gives the same noise and the same random patches.

noise-clean-label = Clean input x
noise-clean-title = Clean x
noise-corrupted-label = Corrupted input; drag or paint on it to occlude pixels
noise-corrupted-title = Corrupted x̃ = x + n
noise-model-ae = Plain AE
noise-model-dae = Denoising AE
noise-model-inpaint = Inpainting AE
noise-model-vae = VAE g(μ)
noise-vs-clean = vs clean
noise-vs-noisy = vs x̃
noise-task-reconstruct = Reconstructing the corrupted digit

noise-concept-denoising = The denoising autoencoder receives the corrupted x̃ = x + n and is trained to reproduce the clean x: it learns to remove the noise n from its input.
noise-concept-mse = The loss L for this digit: the mean squared error per pixel between the clean x and the denoising autoencoder's reconstruction of x̃.
noise-concept-inpainting = Inpainting: the autoencoder is trained with input = original + occlusion and output = original. It is a particular form of denoising: it learns to recover the information behind the occlusion.
noise-explain = MSE vs clean measures what a denoiser must do: recover x from x̃ = x + n. MSE vs x̃ measures how faithfully a model copies its input, noise included: a plain autoencoder tends to copy the noise, a denoising one, trained to minimise L(x, g(f(x̃))), learns to remove it, and an inpainting one fills in what the mask hides.
noise-dae-title = Denoising autoencoder, { $dim }-D code
noise-inpaint-title = Inpainting autoencoder, { $dim }-D code
noise-trained-denoising = Gaussian noise, σ ~ U(0, { $sigma }) per batch; salt-and-pepper on half the batches, fraction ~ U(0, { $sp })
noise-trained-inpainting = one random rectangular occlusion per image, sides { $min }–{ $max } px
noise-bench-dae = Gaussian noise σ = 0.5, MSE against clean
noise-bench-inpaint = one random 10×10 occlusion, MSE against clean inside the mask
noise-shipped = : trained on { $trained }.
noise-shipped-bench = : trained on { $trained }; test split, { $benchmark }: { $mse } (plain AE { $plain }).

noise-batch-title = 16 random test digits under this corruption
noise-row-clean = clean
noise-row-corrupted = corrupted
noise-row-ae = plain AE
noise-row-dae = denoising AE
noise-row-inpaint = inpainting AE
noise-row-vae = VAE
noise-batch-label = 16 test digits: clean, corrupted, then the plain, denoising and inpainting autoencoders' and the VAE's reconstructions, one row each
noise-batch-other = Other digits
noise-means-title = Mean MSE against clean over the test split
noise-batch-done = { $count } digits in { $ms } ms on the { $engine } engine
noise-batch-computing = computing… { $done } of { $total } digits
noise-batch-computing-stale = computing… { $done } of { $total } digits (grey: the previous corruption's numbers)
noise-task-batch = Reconstructing the 16 digits
noise-task-means = Averaging over the test split
