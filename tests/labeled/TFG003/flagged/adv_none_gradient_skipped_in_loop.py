# A training loop logs and skips a step whose gradient is None (the offset is an unwatched
# constant); the early continue guards every use after the check, so nothing raises.
import tensorflow as tf

w = tf.Variable(1.5)
offset = tf.constant(0.5)
for step in range(2):
    with tf.GradientTape() as tape:
        loss = (w * 2.0 + offset) ** 2
    g = tape.gradient(loss, offset)  # expect: TFG003
    if g is None:
        print(step, "no gradient for the offset")
        continue
    print(step, g.numpy(), float(g) * 0.1)
