# A bias variable that the loss never uses; its None gradient is then used in the
# manual update.
import tensorflow as tf

w = tf.Variable(1.0)
b = tf.Variable(0.0)
c = tf.Variable(3.0)
xs = tf.constant([1.0, 2.0, 3.0])
with tf.GradientTape() as tape:
    loss = tf.reduce_mean((w * xs - 2.0 * xs) ** 2)
dw, db, dc = tape.gradient(loss, (w, b, c))  # expect: TFG011
w.assign_sub(0.1 * dw)
b.assign_sub(0.1 * db)  # expect: TFG004
print(w.numpy(), b.numpy(), c.numpy())
