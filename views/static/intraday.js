// Intraday board: behaviour of the daily fine-tuning page.
