// Page behaviour of the agent area (event delegation: boosted navigations do not re-run scripts).
