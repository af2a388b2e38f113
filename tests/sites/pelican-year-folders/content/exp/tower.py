import random
print("tower")
