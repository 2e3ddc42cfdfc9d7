"""The intermediate representation: language-neutral, frozen, built once per spec."""
