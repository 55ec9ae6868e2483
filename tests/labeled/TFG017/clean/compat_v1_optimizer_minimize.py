# tf.compat.v1.train optimizers keep minimize, and in TF2 eager code they take a callable.
import tensorflow as tf

w = tf.Variable(1.0)
opt = tf.compat.v1.train.GradientDescentOptimizer(0.1)
for _ in range(5):
    opt.minimize(lambda: w * w, var_list=[w])
with tf.GradientTape() as tape:
    loss = w * w
print(tape.gradient(loss, w).numpy())
