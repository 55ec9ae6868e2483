# batch_jacobian of a network output with respect to inputs that were rescaled before
# the tape started recording.
import tensorflow as tf

dense = tf.keras.layers.Dense(2, activation="tanh")
raw = tf.random.normal([4, 3])
scaled = raw / 10.0

with tf.GradientTape() as tape:
    tape.watch(scaled)
    out = dense(scaled)
jac = tape.batch_jacobian(out, raw)  # expect: TFG001
print(jac)
