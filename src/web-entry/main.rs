//! The web app's entry point (built by Trunk for wasm32).

#[cfg(target_arch = "wasm32")]
unsafe extern "C" {
    /// The linker's function that runs every static constructor (Burn's and cubecl's
    /// `inventory` registrations).
    fn __wasm_call_ctors();
}

#[cfg(target_arch = "wasm32")]
fn main() {
    // Run the constructors once, here. When no exported function calls them, wasm-ld treats the
    // module as a "command" and wraps *every* export in a call to them: each event handler,
    // effect and resolved promise then re-ran all of them (about 5 ms a call, measured with a
    // CPU profile), which made the page stutter. See inventory's documentation on Wasm.
    unsafe { __wasm_call_ctors() };
    latent_lab::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Latent Lab is a web app: build and serve it with `scripts/serve.sh` (see README).");
}
