// Page behaviour of the scheduling area (event delegation: boosted navigations do not re-run scripts).
