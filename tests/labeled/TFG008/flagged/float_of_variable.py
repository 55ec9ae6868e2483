# A learnable temperature converted to a Python float inside the tape.
import tensorflow as tf

temperature = tf.Variable(2.0)
logits = tf.random.normal([3, 5])

with tf.GradientTape() as tape:
    T = float(temperature)
    probs = tf.nn.softmax(logits / T)
    entropy = -tf.reduce_sum(probs * tf.math.log(probs))
dT = tape.gradient(entropy, temperature)  # expect: TFG008
print(dT)
