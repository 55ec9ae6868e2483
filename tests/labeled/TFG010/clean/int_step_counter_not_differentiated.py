# An integer step counter is used for a decay schedule, but gradients are only asked for
# the float weights.
import tensorflow as tf

w = tf.Variable(0.5)
step = tf.Variable(0)
while int(step) < 2:
    with tf.GradientTape() as tape:
        decay = 1.0 / (1.0 + tf.cast(step, tf.float32))
        loss = decay * w ** 2
    (dw,) = tape.gradient(loss, [w])
    w.assign_sub(0.1 * dw)
    step.assign_add(1)
print(w.numpy())
