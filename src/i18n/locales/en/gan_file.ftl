# Importing a GAN file into the GAN lab (src/model/gan_file.rs): what went wrong and what to do.
gan-file-not-a-gan = this is not a Latent Lab GAN file: export a GAN from the GAN lab, then import that file
gan-file-lab-model = this is a model file of the training lab, not a GAN: import it in the training lab, or pick a file exported from the GAN lab
gan-file-other-version = this GAN file comes from another version of Latent Lab (format { $version }); export it again with this version
gan-file-truncated = the file ends too early (was the download cut short?): export the GAN again and import the new file
gan-file-damaged-description = the file's description is damaged, so the GAN cannot be rebuilt: export the GAN again and import the new file
gan-file-bad-settings = the GAN in this file cannot be rebuilt, its settings are out of range: { $why }
gan-file-damaged-generator = the generator's weights in the file are damaged or belong to another generator: export the GAN again and import the new file
gan-file-damaged-discriminator = the discriminator's weights in the file are damaged or belong to another discriminator: export the GAN again and import the new file
