# The latent space view: maps, manifold, interpolation, generation, reparameterisation and
# attribute vectors.

latent-family-ae = Autoencoder
latent-family-vae = VAE

## Toolbar
latent-size-label = Latent space
latent-size-2 = 2-D models (exact maps)
latent-size-16 = 16-D models (PCA projection of the codes)
latent-current = Current digit:
latent-current-label = Current digit
latent-use-drawing = Use my drawing
latent-random = Random test digit
latent-task-encode-split = Encoding the test digits
latent-task-encode-current = Encoding the current digit

## Maps and manifold
latent-maps-title = Latent maps
latent-maps-explain = Each dot is a test digit's code, coloured by its class; the cross is the current digit (for the VAE with the 1σ and 2σ ellipse of q(z|x)). Move over a map to decode that point, click to pin it. The autoencoder's codes are points with empty gaps between them: decoding a gap gives a meaningless image. The VAE is trained to keep q(z|x) close to N(0, I), so its space is continuous and every point near the data decodes to a plausible digit.
latent-maps-encoder = The encoder turns each digit x into its code h, a point of the latent space: the maps show the codes of the test digits.
latent-maps-decoder = The decoder turns any point h of the latent space into an image: moving over a map decodes the point under the pointer.
latent-map-title-ae = Autoencoder: codes h
latent-map-title-vae = VAE: means μ
latent-map-label = { $title }: the codes of the { $count } test digits, coloured by class. Arrow keys move a cursor and decode the point under it; Enter pins it (A, then B).
latent-decoded-label = Decoded point
latent-legend-label = The colour of each digit class
latent-two-d-note = Two numbers per digit is very little: many digits are not representable at all and decode as another class (hover over the current digit's cross). The interpolation and the attribute vectors below therefore use the 16-D models.
latent-projection-note = 16-D codes are shown by their first two principal components; a point is decoded from the mean code plus those two components, an approximation.
latent-encoding-split = Encoding the { $count } test digits…
latent-task-decode-point = Decoding the point under the pointer
latent-task-decode-manifold = Decoding the manifold grid
latent-manifold-title = Manifold: decoding a grid over each map
latent-manifold-explain = Every cell is the decoding of one point of a regular grid over the map: the autoencoder's grid shows its gaps as blurs and broken shapes, the VAE's morphs smoothly from class to class.
latent-manifold-grid = Grid { $n } × { $n }
latent-manifold-label = { $title }: decodings of a grid of points over the map

## Interpolation
latent-interp-title = Interpolation
latent-interp-explain = Walk in a straight line between two codes and decode every step. The bottom strip cross-fades the pixels instead, for contrast: two digits superimposed, not one digit turning into another.
latent-interp-formula = h₁ and h₂ are the codes of A and B, N is the number of interpolation steps; each code hᵢ, i = 0 … N, is decoded into a new image. The slider picks i.
latent-interp-explain-pins-2 = These endpoints are points of the 2-D maps: the straight line between them crosses the regions of other classes on the map, so the decoded digits pass through those classes on the way.
latent-interp-explain-pins-16 = These endpoints were pinned on the 16-D maps (a 2-D view of 16-D codes): the line runs through the 16-D space, so it can pass regions that the projection hides.
latent-interp-explain-digits = Two digits are interpolated with the 16-D models: the VAE's continuous space tends to morph one digit into the other; the autoencoder's codes have gaps, where images blur or jump.
latent-task-encode-ends = Encoding the interpolation endpoints
latent-task-decode-pins = Decoding the pinned points
latent-task-decode-interp = Decoding the interpolation
latent-task-decode-strip = Decoding the interpolation strip
latent-pin-hint-ready = Both maps have A and B: interpolate between them with the maps' own models.
latent-pin-hint = To interpolate between points of the maps, click two points on each map: A, then B (autoencoder map { $ae } of 2, VAE map { $vae } of 2).
latent-end-pinned = { $end }: pinned on the maps
latent-end-test = { $end }: test digit #{ $digit }
latent-end-current = { $end }: the current digit
latent-end-image = Endpoint { $end }
latent-end-digit = test digit #
latent-end-digit-label = Endpoint { $end }: test digit number
latent-end-current-button = current digit
latent-interp-from-maps = Interpolate between the pins A and B
latent-clear-pins = Clear the pins
latent-interp-step = Step i = { $i } of N = { $n } (t = i/N = { $t })
latent-interp-ae-label = Autoencoder decoding at step i
latent-interp-ae-caption = Autoencoder g(hᵢ)
latent-interp-vae-label = VAE decoding at step i
latent-interp-vae-caption = VAE g(zᵢ)
latent-interp-n = N = { $n } steps: a strip of N + 1 = { $count } images
latent-strip-ae = AE
latent-strip-vae = VAE
latent-strip-pixels = pixels
latent-strip-ae-label = The autoencoder's decodings along the line from A to B
latent-strip-vae-label = The VAE's decodings along the line from A to B
latent-strip-pixels-label = A pixel cross-fade from A to B, for contrast

## Generation
latent-gen-title = Generation
latent-gen-explain = A VAE is generative: its prior is N(0, I), so decoding z ~ N(0, I) gives new digits. An autoencoder has no prior; the best we can do is draw h from a Gaussian fitted to its codes, and many of those land in its gaps.
latent-gen-prior = Sampling z from the normal distribution N(0, I) and decoding it with g generates a new sample: a digit that is in no training set.
latent-gen-kl = Training keeps every q(z|x) = N(μ, σ²) close to the prior: this KL divergence is 0 only for μ = 0, σ = 1. That is why the points the prior draws fall where the decoder has learned digits.
latent-gen-reroll = New samples
latent-gen-seed = seed { $seed } · { $dim }-D latent
latent-gen-vae-label = { $count } digits generated by the VAE from z ~ N(0, I)
latent-gen-vae-caption = VAE: g(z), z ~ N(0, I)
latent-gen-ae-label = { $count } decodings of codes drawn from a Gaussian fitted to the autoencoder's codes
latent-gen-ae-caption = Autoencoder: g(h), h ~ Gaussian fitted to its codes
latent-task-decode-samples = Decoding the generated samples

## Reparameterisation
latent-reparam-title = Reparameterisation: z = μ + σ·ε
latent-reparam-explain = The VAE's encoder gives μ and σ for the current digit; sampling ε ~ N(0, I) and computing z = μ + σ·ε keeps the randomness outside the network, so gradients flow through μ and σ. Each ε below decodes to a slightly different digit.
latent-reparam-formula = The numbers are those of the first dimension of the current digit's code and of the first ε drawn: the mean μ₁, the standard deviation σ₁, the noise ε₁ and the resulting z₁.
latent-reparam-table = μ and σ of the current digit's q(z|x), the first ε drawn and its z, per dimension
latent-reparam-resample = Resample ε
latent-reparam-seed = seed { $seed }
latent-reparam-samples-label = The current digit decoded from { $count } samples z = μ + σ·ε
latent-task-decode-reparam = Decoding z = μ + σ·ε

## Attribute vectors
latent-attr-title = Attribute vectors
latent-attr-explain = Like the smile vector of faces: take the mean code of the test digits highest in an attribute, subtract the mean code of the lowest (a quarter each), and move the current digit along the difference. Compare with the reconstruction at α = 0: the change is the attribute's, not the reconstruction's. This section uses the 16-D models.
latent-attr-formula = The current digit's code h moves along the attribute vector h_dif by α; the new code is decoded.
latent-attr-hdif-measured = Here h_dif = h_high − h_low: the mean code of the quarter of test digits with the most { $attribute } minus the mean code of the quarter with the least (in the course: h_dif = h_z − h_n, smiling minus not smiling).
latent-attr-hdif-class = Here h_dif = h_{ $class } − h_other: the mean code of the test digits of class { $class } minus the mean code of all the other digits.
latent-attr-current-label = The current digit
latent-attr-current-caption = Current digit x
latent-attr-label = Attribute
latent-attr-thickness = stroke thickness
latent-attr-slant = slant
latent-attr-width = width
latent-attr-class = class { $class }
latent-attr-measure-thickness = thickness: { $value }
latent-attr-measure-slant = slant: { $value }
latent-attr-measure-width = width: { $value }
latent-attr-alpha = α = { $alpha }
latent-attr-alpha-plus = α = +{ $alpha }
latent-attr-base-label = { $model }: reconstruction at α = 0
latent-attr-base-caption = { $model } g(h), α = 0
latent-attr-output-label = { $model } with the attribute applied
latent-attr-output-caption = { $model } g(h + α·h_dif)
latent-task-decode-attr = Decoding h + α·h_dif
