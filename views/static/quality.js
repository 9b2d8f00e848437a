// Page behaviour of the quality area (event delegation: boosted navigations do not re-run scripts).
