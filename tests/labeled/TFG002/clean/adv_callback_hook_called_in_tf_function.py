# A Keras Callback is reused as a hook of a custom training loop and invoked inside the
# @tf.function step, so its on_train_batch_end is traced and tf.gradients works there.
# Attacks: on_* methods of a tf.keras.callbacks.Callback subclass are taken to run eagerly.
import tensorflow as tf


class InputSensitivity(tf.keras.callbacks.Callback):
    def __init__(self):
        super().__init__()
        self.norms = []

    def on_train_batch_end(self, batch, logs=None):
        g = tf.gradients(logs["loss"], logs["inputs"])[0]
        self.norms.append(tf.norm(g))


w = tf.Variable([[0.5], [-1.0]])
opt = tf.keras.optimizers.SGD(0.1)
hook = InputSensitivity()


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(x @ w - y))
    opt.apply_gradients([(tape.gradient(loss, w), w)])
    hook.on_train_batch_end(0, {"loss": loss, "inputs": x})
    return loss, hook.norms[-1]


loss, norm = train_step(tf.random.normal((4, 2)), tf.zeros((4, 1)))
print(float(loss), float(norm))
