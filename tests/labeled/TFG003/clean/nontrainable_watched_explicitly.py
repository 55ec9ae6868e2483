# A non-trainable variable is watched explicitly, so its gradient is defined.
import tensorflow as tf

temperature = tf.Variable(1.5, trainable=False)
logits = tf.constant([1.0, 2.0, 0.5])
with tf.GradientTape() as tape:
    tape.watch(temperature)
    p = tf.nn.softmax(logits / temperature)
    entropy = -tf.reduce_sum(p * tf.math.log(p))
print(tape.gradient(entropy, temperature))
