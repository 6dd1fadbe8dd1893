//! The web app's entry point (built by Trunk for wasm32).

#[cfg(target_arch = "wasm32")]
fn main() {
    latent_lab::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Latent Lab is a web app: build and serve it with `scripts/serve.sh` (see README).");
}
