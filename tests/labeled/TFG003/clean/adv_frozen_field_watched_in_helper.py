# A frozen tf.Variable field is watched by a helper method that is handed the tape, so the
# sensitivity of the loss to the frozen temperature is real.
# Attacks: frozen-variable fields and self.helper() calls (the watch happens in the helper).
import tensorflow as tf


class Distiller(tf.Module):
    def __init__(self):
        super().__init__()
        self.temperature = tf.Variable(2.0, trainable=False)
        self.student = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(3)])

    def _watch_hyperparameters(self, tape):
        tape.watch(self.temperature)

    def temperature_sensitivity(self, x, teacher_logits):
        with tf.GradientTape() as tape:
            self._watch_hyperparameters(tape)
            soft = tf.nn.softmax(teacher_logits / self.temperature)
            loss = tf.reduce_mean(tf.keras.losses.categorical_crossentropy(
                soft, tf.nn.softmax(self.student(x) / self.temperature)))
        return tape.gradient(loss, self.temperature)


d = Distiller()
print(float(d.temperature_sensitivity(tf.random.normal((8, 4)), tf.random.normal((8, 3)))))
