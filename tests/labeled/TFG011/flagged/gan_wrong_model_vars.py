# Subclassed generator and critic; a copy-paste slip differentiates the critic's
# loss on real data with respect to the generator's variables.
import tensorflow as tf


class Generator(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.d = tf.keras.layers.Dense(2)

    def call(self, z):
        return self.d(z)


class Critic(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.d = tf.keras.layers.Dense(1)

    def call(self, x):
        return self.d(x)


gen, critic = Generator(), Critic()
z = tf.random.normal([4, 3])
real = tf.random.normal([4, 2])
with tf.GradientTape() as tape:
    fake = gen(z)
    d_loss = -tf.reduce_mean(critic(real))
grads = tape.gradient(d_loss, gen.trainable_variables)  # expect: TFG011
print(grads)
