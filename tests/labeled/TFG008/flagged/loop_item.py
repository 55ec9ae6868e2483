# Building the loss element by element with .numpy() in a loop inside the tape.
import tensorflow as tf

w = tf.Variable([0.1, 0.2, 0.3])
with tf.GradientTape() as tape:
    total = 0.0
    for i in range(3):
        total += w[i].numpy() ** 2
    loss = tf.constant(total)
dw = tape.gradient(loss, w)  # expect: TFG008
print(dw)
