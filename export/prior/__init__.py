"""A latent diffusion prior over the one-shot model's latent space (flow matching, class-conditioned)."""
