"""Sites made with other generators: detected and mapped by ``masthead init``, read as they are."""
