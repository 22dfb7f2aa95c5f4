"""samordna: the system samordningsförbund use to run their board, members, money and follow-up."""
