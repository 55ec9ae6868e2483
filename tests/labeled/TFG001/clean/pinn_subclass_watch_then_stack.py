# Subclassed PINN: x and t are watched first, stacked inside the tape, then du/dx and
# du/dt are read from a persistent tape.
import tensorflow as tf


class PINN(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.h = tf.keras.layers.Dense(8, activation="tanh")
        self.o = tf.keras.layers.Dense(1)

    def call(self, inputs):
        return self.o(self.h(inputs))


def residual(net, x, t):
    with tf.GradientTape(persistent=True) as g:
        g.watch(x)
        g.watch(t)
        u = net(tf.stack([x, t], axis=1))
    u_x = g.gradient(u, x)
    u_t = g.gradient(u, t)
    del g
    return u_t + u[:, 0] * u_x


model = PINN()
print(residual(model, tf.linspace(0.0, 1.0, 5), tf.ones([5])))
