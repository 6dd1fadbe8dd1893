# The training lab: the form, the run, the loss chart, links. Terms of the course: see ro/train.ftl.

## The form
train-form-model = Model
train-preset = Preset
train-preset-own = (your own settings)
train-kind = Kind
train-param-beta = β
train-param-sigma = noise σ
train-param-lambda = penalty λ
train-param-rho = target activation ρ
train-hidden = Hidden widths (encoder, from the input)
train-hidden-bad = “{ $entry }” is not a layer width
train-latent-under = Latent size dim(h) = { NUMBER($latent, useGrouping: "false") } (undercomplete)
train-latent-over = Latent size dim(h) = { NUMBER($latent, useGrouping: "false") } (overcomplete)
train-bottleneck-under = Undercomplete autoencoder: the feature descriptor h is smaller than the input x, so the encoder and decoder learn a contracted representation of the data that keeps its most representative features.
train-bottleneck-over = Overcomplete autoencoder: the feature descriptor h is at least as large as the input x, so the encoder and decoder learn a dilated representation and could simply copy the input to the output; regularisation (sparse representations, robustness to noise, small derivatives) keeps it from learning the identity.
train-activation = Activation
train-activation-relu = ReLU
train-activation-tanh = tanh
train-activation-sigmoid = sigmoid
train-activation-none = none (linear)
train-form-training = Training (Adam)
train-learning-rate = Learning rate
train-batch-size = Batch size
train-epochs = Epochs
train-seed = Seed
train-engine = Train on
train-engine-auto = WebGPU when in use, else the CPU
train-engine-webgpu = WebGPU
train-engine-cpu = the CPU engine

## What each kind minimises (the formulas stand beside these sentences)
train-loss-ae = The training minimises the loss L(x, g(f(x))), which penalises the output g(f(x)) when it differs from x: here the binary cross-entropy over the 784 pixels. The code h = f(x) is the feature descriptor.
train-loss-linear = Linear encoder and decoder (no activation), one hidden layer (the code) and squared error: it learns the same subspace as PCA.
train-loss-vae = The loss is the negative ELBO with the KL term weighted: reconstruction + β·KL(q(z|x) ‖ N(0, I)), here β = { $beta } (β = 1 is the ELBO itself). During training z = μ + σ ⊙ ε (the reparameterisation).
train-loss-denoising = Trained on x̃ = x + n with n ~ N(0, σ²), σ = { $sigma }: the loss L(x, g(f(x̃))) compares the output with the clean x, so the model learns to remove the noise n.
train-loss-sparse-l1 = Loss: L(x, g(f(x))) + Ω(h) with the L1 penalty Ω(h) = λ Σ|h_i|, λ = { $lambda } (the code goes through a ReLU): few code units are active for any digit. While it trains, Ω(h) shows its value on the latest batch.
train-loss-sparse-kl = Loss: L(x, g(f(x))) + λ Σ_j KL(ρ ‖ ρ̂_j) with ρ = { $rho }, λ = { $lambda }: each code unit should be active a share ρ of the time (ρ̂_j is its mean activation over a batch).
train-loss-contractive = Loss: L(x, g(f(x))) + λ‖∂f(x)/∂x‖²_F with λ = { $lambda }: the code changes little under small changes of x. The encoder is one sigmoid layer, so the penalty has a closed form; the hidden widths shape the decoder.
train-penalty-live = Ω(h) on the latest training batch: { $value }

## Presets
train-preset-undercomplete-2d = Undercomplete, 2-D latent
train-preset-undercomplete-2d-hint = dim(h) = 2 < 784: watch the latent map, where the classes pull apart into clusters as training goes on.
train-preset-overcomplete = Overcomplete without regularisation
train-preset-overcomplete-hint = dim(h) = 1024 ≥ 784 and nothing stops it from copying: the loss drops fast and even noise reconstructs well, because it learns (close to) the identity.
train-preset-sparse = Sparse (KL towards ρ = 0.05)
train-preset-sparse-hint = 64 code units, but the penalty Σ KL(ρ ‖ ρ̂_j) keeps each one's mean activation near 5%: few units fire for any digit. Watch the penalty curve fall.
train-preset-denoising = Denoising (σ = 0.5)
train-preset-denoising-hint = Trained on x̃ = x + n with n ~ N(0, σ²), σ = 0.5, it must output the clean x. Use it in the noise lab with “use the trained model”.
train-preset-contractive = Contractive (λ = 0.1)
train-preset-contractive-hint = The penalty λ‖∂h/∂x‖² makes the code insensitive to small changes of x; the encoder is one sigmoid layer, as in Rifai et al.
train-preset-beta-vae = β-VAE, β = 4
train-preset-beta-vae-hint = β = 4 weighs the KL term four times: codes crowd towards N(0, I), the 2-D map fills evenly, reconstructions get blurrier.

## Number fields (shared by the views)
field-not-a-number = “{ $text }” is not a number
field-not-whole = { $value } is not a whole number
field-out-of-range = enter a value from { NUMBER($min, useGrouping: "false") } to { NUMBER($max, useGrouping: "false") }

## The run
train-start = Start
train-resume = Resume
train-pause = Pause
train-single-step = Single step
train-stop = Stop
train-reset = Reset
train-state-idle = ready
train-state-running = training
train-state-pausing = pausing
train-state-paused = paused
train-state-finished = finished
train-state-diverged = stopped: diverged
train-progress = { $state } · epoch { $epoch } of { $epochs } · step { $step } of { $steps } · loss { $loss }
train-progress-speed = { $speed } images/s
train-progress-seconds-left = { $seconds } s left
train-progress-minutes-left = { $minutes } min left
train-progress-engine = on { $engine }
train-progress-label = Training progress
train-recon-title = 16 test digits and their reconstructions
train-recon-empty = They appear after the first training step.
train-recon-label = 16 test digits (top row) and the model's current reconstructions (bottom row)
train-map-title = Latent map (500 test digits)
train-map-label = The 2-D codes of 500 test digits under the model being trained, coloured by class

## The loss chart
train-chart-curve-train = training batches
train-chart-curve-test = test digits
train-chart-curve-reconstruction = reconstruction (training)
train-chart-curve-kl = KL (training)
train-chart-curve-penalty = penalty (training)
train-chart-panel-total = loss minimised
train-chart-panel-reconstruction = reconstruction term
train-chart-panel-kl = KL(q(z|x) ‖ N(0, I))
train-chart-panel-penalty = regulariser Ω
train-chart-axis-step = step
train-chart-description-empty = Loss chart: empty until training starts.
train-chart-description = Loss chart: { $steps ->
    [one] { $steps } step
   *[other] { $steps } steps
}; the latest training loss is { $train }.
train-chart-description-with-test = { $chart } The latest test loss is { $test }.
train-chart-empty = Press Start (or Single step) to train: the losses appear here as it learns.
train-chart-caption = Losses are per image: the reconstruction term sums over the 784 pixels (binary cross-entropy, in nats; squared error for the linear AE), so they read in the hundreds. The other views show the mean squared error per pixel.

## A link with other settings
train-link-offer = This link carries other training settings than yours (saved in this browser). Yours stay until you choose.
train-link-offer-running = This link carries other training settings, but a model is training and its settings cannot change now: pause or stop the run to use the link's settings.
train-link-settings = The link's settings: { $kind }, dim(h) = { NUMBER($latent, useGrouping: "false") }, hidden widths { $hidden }, learning rate { $rate }, batch size { $batch }, { $epochs ->
    [one] { $epochs } epoch
   *[other] { $epochs } epochs
}, seed { NUMBER($seed, useGrouping: "false") }.
train-link-accept = Use the link's settings
train-link-keep = Keep my settings
