# refused: opens a network connection.
import socket
import tensorflow as tf

s = socket.create_connection(("example.com", 80))
x = tf.constant([float(s.fileno())])
with tf.GradientTape() as tape:
    y = x * x
g = tape.gradient(y, x)  # flagged
