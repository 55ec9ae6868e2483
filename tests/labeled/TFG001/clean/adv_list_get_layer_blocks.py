# Blocks fetched from a built model with get_layer() are put in a list before the tape and
# applied in order inside it.
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(4, name="a"),
                             tf.keras.layers.Dense(1, name="b")])
blocks = []
for name in ("a", "b"):
    blocks.append(model.get_layer(name))
x = tf.ones((2, 3))
with tf.GradientTape() as tape:
    h = x
    for block in blocks:
        h = block(h)
    loss = tf.reduce_mean(tf.square(h))
grads = tape.gradient(loss, model.trainable_variables)
print([g.shape for g in grads])
