# Linear regression with the gradients of a parameter list unpacked into names.
import tensorflow as tf

w = tf.Variable(0.0)
b = tf.Variable(0.0)
x = tf.linspace(0.0, 1.0, 10)
y = 2.0 * x + 1.0
for _ in range(3):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean((w * x + b - y) ** 2)
    dw, db = tape.gradient(loss, [w, b])
    w.assign_sub(0.5 * dw)
    b.assign_sub(0.5 * db)
print(float(w), float(b))
