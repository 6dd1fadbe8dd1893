# The GAN lab (#/gan): the lecture's section 4.4.
nav-gan = GAN lab
gan-title = Generative adversarial networks (GAN)
gan-lead = Two networks play a game. The generator G turns noise z into samples; the discriminator D looks at a sample and says how likely it is to be real. D learns to tell real from fake, G learns to fool D. Unlike a VAE, nothing compares a sample with a training image pixel by pixel: G only learns through D's judgement.
gan-tabs-label = GAN lab sections
gan-tab-toy = Toy 2-D game
gan-tab-digits = Digits
gan-tab-compare = GAN vs VAE

gan-theory-title = The game and its losses
gan-theory-game = The two-player minimax game: D maximises V (it wants D(x) → 1 on real data and D(G(z)) → 0 on fakes), G minimises it. At its equilibrium G reproduces the data distribution and D says ½ everywhere.
gan-theory-d-loss = The discriminator's loss is a binary cross-entropy: real samples labelled 1, generated ones 0. When D cannot tell them apart it is 2 ln 2 ≈ 1.386.
gan-theory-g-loss = The non-saturating generator loss. Minimising log(1 − D(G(z))) as the game is written gives G almost no gradient while D rejects its samples confidently (early in training); −log D(G(z)) has the same goal and a strong gradient exactly then. Switch "Generator loss" to compare: the toy's arrows nearly vanish with the minimax loss.
gan-theory-sharper = Why GAN samples are sharper: a VAE is trained on a pixel-wise reconstruction loss, and when several digits are plausible the average of them minimises it, so its samples are blurred. A GAN's generator is judged by D, which rejects a blurred average as unlike any real digit, so G commits to one sharp answer.
gan-theory-unstable = Why GAN training is unstable: there is no single loss going down, only two players each changing the other's problem. The losses oscillate instead of converging; if D wins completely, G's gradient vanishes; if G learns much faster than D, it jumps to whatever fools D now and may cover only a few modes of the data (mode collapse). The toy presets show both.

gan-toy-explain = Green points are samples of the target distribution, purple points are the generator's. The background is D(x): green where D says "real", purple where it says "fake". Each arrow shows where G is about to move its point (minus the gradient of G's loss).
gan-toy-legend = Green dots: real samples; purple dots: G(z) for a fixed batch of noise; background: D(x) (green ≈ 1, white ≈ ½, purple ≈ 0); arrows: −∂ℒ_G/∂G(z).
gan-toy-plot-empty = The toy plot: the target's samples; press Start or Step to create and train the networks.
gan-toy-plot-label = The toy plot: { $real } target samples, { $fake } generated points, the discriminator's field and the generator's arrows.
gan-presets-label = Presets
gan-preset-balanced = Balanced ring
gan-preset-collapse = Mode collapse
gan-preset-fixed = Mode collapse, fixed
gan-preset-balanced-note = z ∈ ℝ⁸, both learning rates 10⁻³, one D step per G step: G spreads over all 8 modes of the ring (about 1,500 steps).
gan-preset-collapse-note = z ∈ ℝ², G learns ten times faster than D (5·10⁻³ against 5·10⁻⁴): G jumps to wherever D is weakest before D can follow, so its points crowd onto one or two modes and hop between them.
gan-preset-fixed-note = The same z ∈ ℝ², with G slowed to D's pace and 3 D steps per G step: D stays close to optimal and penalises a crowded mode before G piles into it; all 8 modes are covered after about 1,000 steps.
gan-target = Target distribution
gan-target-ring = Ring of 8 Gaussians
gan-target-moons = Two moons
gan-target-line = A line
gan-target-drawn = Draw your own
gan-draw-hint = Draw on the plot with the pointer, or with the keyboard (arrows move the cross, Enter adds a point): each point becomes a small Gaussian of the target. { $count ->
    [one] { $count } point so far.
   *[other] { $count } points so far.
}
gan-clear-drawing = Clear the drawing
gan-modes-covered = Modes covered: { $covered } of { $modes } (a mode counts when at least a quarter of its fair share of G's points lie within 0.5 of its centre).

gan-noise = Noise dimension dim(z)
gan-g-rate = G learning rate
gan-d-rate = D learning rate
gan-d-steps = D steps per G step
gan-batch = Batch size
gan-seed = Seed
gan-g-loss = Generator loss
gan-g-loss-non-saturating = non-saturating: −log D(G(z))
gan-g-loss-minimax = minimax: log(1 − D(G(z)))
gan-engine = Engine
gan-engine-auto-toy = automatic (CPU: the tiny toy networks gain nothing from a GPU)
gan-engine-auto-digits = automatic (WebGPU when in use)
gan-engine-webgpu = WebGPU
gan-engine-cpu = CPU (WebAssembly)
gan-start = Start
gan-resume = Resume
gan-pause = Pause
gan-single-step = One step
gan-reset = Reset
gan-slow-motion = Slow motion
gan-state-idle = ready
gan-state-running = training
gan-state-pausing = pausing
gan-state-paused = paused
gan-state-diverged = stopped
gan-progress = { $state } · step { $step }
gan-progress-numbers = ℒ_D { $d } · ℒ_G { $g } · D(real) { $real } · D(fake) { $fake }
gan-progress-speed = { $speed } steps/s
gan-progress-engine = on { $engine }

gan-chart-losses = Losses
gan-chart-odds = D's mean output
gan-chart-d-loss = D loss
gan-chart-g-loss = G loss
gan-chart-d-real = D(real)
gan-chart-d-fake = D(fake)
gan-chart-empty = The game's curves: empty until training starts.
gan-chart-description = The game's curves after step { $steps }: D loss { $d }, G loss { $g }, D(real) { $real }, D(fake) { $fake }.
gan-chart-caption = Read at each refresh. The losses do not fall together as in an autoencoder: each player's gain is the other's loss. At the equilibrium D(real) and D(fake) both approach ½ (grey line).

gan-digits-explain = The same game on the bundled training digits: G maps noise z to 784 pixels, D reads 784 pixels. The grid shows G's samples for the same 64 noise vectors throughout training, so you see them turn from grey noise into strokes and then digits.
gan-digits-architecture = Generator z ∈ ℝ^{ $noise } → { $g } → 784 (leaky ReLU, sigmoid pixels); discriminator 784 → { $d } → 1 logit (leaky ReLU). Smaller than the shipped GAN, so a step stays quick in the browser.
gan-digits-grid-empty = The generator's samples appear after the first step.
gan-digits-grid-label = 64 samples of the generator after step { $step }, for a fixed batch of noise.
gan-digits-grid-caption = G(z) for a fixed batch of 64 noise vectors.

gan-cannot-start = Cannot start: { $why }
gan-bad-noise = the noise dimension must be between 1 and { $limit } (got { $value }).
gan-bad-learning-rate = each learning rate must be above 0 and at most 0.1 (got { $value }).
gan-bad-d-steps = D steps per G step must be between 1 and 10 (got { $value }).
gan-bad-batch = the batch size must be between 1 and 512 (got { $value }).
gan-draw-first = draw at least two points of your target on the plot first.
gan-diverged-not-finite = Training stopped at step { $step }: a loss became NaN or infinite, the networks have diverged. Lower the learning rates (G { $g }, D { $d }), for example ten times, then Reset and Start again.
gan-diverged-d-wins = Training stopped at step { $step }: the discriminator wins outright (D(fake) = { $dfake }), so the generator's gradient has vanished and it can no longer learn. Slow D down (a lower D learning rate or fewer D steps), raise G's learning rate, or use the non-saturating loss; then Reset and Start again.
gan-engine-failed = Training stopped: the engine failed ({ $why }). Your settings are kept; press Start to train again (on the CPU engine if WebGPU failed).
gan-toy-distance = Mean distance from G's points to the nearest target sample: { $distance } (it falls as G learns the target).

gan-compare-explain = Both models generate digits from noise: the shipped GAN (gan-64) decodes z ∈ ℝ⁶⁴ drawn from N(0, I) through its generator; the shipped VAE (vae-16) decodes z ∈ ℝ¹⁶ drawn from its prior N(0, I) through its decoder. Same seed, same kind of noise, two ways of learning to generate. Look at the strokes: the VAE's are blurred averages, the GAN's are sharp, and some of the GAN's are not quite digits.
gan-compare-loading = Downloading the shipped GAN…
gan-compare-failed = The shipped GAN could not be loaded ({ $why }). The toy and digits tabs work without it.
gan-compare-retry = Try again
gan-compare-reroll = New samples
gan-compare-quality = gan-64, trained for { $steps } steps. Measured on { $samples } samples against the first { $train } training digits: mean distance to the nearest training digit { $nearest } (real unseen test digits: { $realnearest }; much lower would mean copying, much higher digits unlike any real one); diversity { $diversity } (real digits: { $realdiversity }; 0 means every sample is the same image, mode collapse).
gan-compare-gan-label = 64 samples of the shipped GAN.
gan-compare-gan-caption = GAN: G(z), z ∼ N(0, I) in ℝ⁶⁴
gan-compare-vae-label = 64 samples of the shipped VAE from its prior.
gan-compare-vae-caption = VAE: decoder(z), z ∼ N(0, I) in ℝ¹⁶
gan-interp-title = Walking through noise space
gan-interp-explain = From the first sample of each grid to the second, in ten steps along the straight line z = (1 − t)·z₁ + t·z₂. A VAE's latent space is organised by its KL term, so the walk morphs smoothly; a GAN's noise space has no such pull, but G is smooth too, so its walk also changes gradually, with sharp images all the way.
gan-interp-gan-label = Ten GAN samples along a line in noise space.
gan-interp-gan-caption = GAN: G((1 − t)·z₁ + t·z₂)
gan-interp-vae-label = Ten VAE samples along a line in latent space.
gan-interp-vae-caption = VAE: decoder((1 − t)·z₁ + t·z₂)
gan-task-gan-samples = Sampling the GAN
gan-task-vae-samples = Decoding the VAE's samples
gan-task-gan-walk = Sampling the GAN along the line
gan-task-vae-walk = Decoding the VAE's walk
gan-continues-on-cpu = The engine failed during training ({ $why }). The models go back to the copy saved in this browser (step { $step }), paused, on the CPU engine: Resume trains on from there.
gan-file-unusable = the models in the file could not be run.

gan-file-title = The models as a file
gan-export = Export G and D
gan-import = Import a GAN file
gan-imported = Imported { $file }: the models after step { $step }, paused, on the CPU engine. Resume continues training (with fresh Adam moments: the file holds weights, not the optimiser's state).
gan-import-failed = Import failed: { $problem } The models in use are unchanged.
gan-file-is-toy = this file holds a toy (2-D) GAN; import it in the toy tab.
gan-file-is-digits = this file holds a digits GAN; import it in the digits tab.
gan-no-model-yet = there are no models yet: press Start or One step first.
gan-copy-failed = the models could not be copied from the engine ({ $why }).
gan-download-failed = The file could not be saved ({ $why }).
gan-save-failed = The models could not be saved in this browser ({ $why }); export them to keep them.
gan-restored = The models of your last visit are back (step { $step }), paused.
gan-restore-failed = The models saved in this browser could not be restored ({ $why }).
