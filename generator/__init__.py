"""ERN Guides: turns the ERN catalogue and the translated texts into CPMS onboarding guides."""
