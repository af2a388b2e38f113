import socket
print("solve")
