# Importul unui fișier GAN în laboratorul GAN (src/model/gan_file.rs): ce nu a mers și ce e de făcut.
gan-file-not-a-gan = acesta nu este un fișier GAN Latent Lab: exportă un GAN din laboratorul GAN, apoi importă acel fișier
gan-file-lab-model = acesta este un fișier de model din laboratorul de antrenare, nu un GAN: importă-l în laboratorul de antrenare sau alege un fișier exportat din laboratorul GAN
gan-file-other-version = acest fișier GAN provine din altă versiune de Latent Lab (formatul { $version }); exportă-l din nou cu această versiune
gan-file-truncated = fișierul se termină prea devreme (s-a întrerupt descărcarea?): exportă din nou GAN-ul și importă fișierul nou
gan-file-damaged-description = descrierea din fișier este deteriorată, deci GAN-ul nu poate fi reconstruit: exportă din nou GAN-ul și importă fișierul nou
gan-file-bad-settings = GAN-ul din acest fișier nu poate fi reconstruit, setările lui sunt în afara limitelor: { $why }
gan-file-damaged-generator = ponderile generatorului din fișier sunt deteriorate sau aparțin altui generator: exportă din nou GAN-ul și importă fișierul nou
gan-file-damaged-discriminator = ponderile discriminatorului din fișier sunt deteriorate sau aparțin altui discriminator: exportă din nou GAN-ul și importă fișierul nou
