# Inverse PINN: __init__ stores the viscosity as a Python float, and the script that fits it
# replaces the field with a tf.Variable before training, so the gradient w.r.t. self.nu is real.
# Attacks: fields set once in __init__ keep that kind in every method (an assignment outside the class is ignored).
import tensorflow as tf


class BurgersInverse:
    def __init__(self):
        self.nu = 0.05
        self.x = tf.random.uniform((32, 1), -1.0, 1.0)
        self.net = tf.keras.Sequential([tf.keras.Input((1,)), tf.keras.layers.Dense(8, activation="tanh"),
                                        tf.keras.layers.Dense(1)])

    def nu_grad(self):
        with tf.GradientTape() as tape:
            u = self.net(self.x)
            loss = tf.reduce_mean(tf.square(self.nu * u - 0.01))
        return tape.gradient(loss, self.nu)


solver = BurgersInverse()
solver.nu = tf.Variable(solver.nu)   # learn the viscosity
for _ in range(3):
    solver.nu.assign_sub(0.1 * solver.nu_grad())
print(float(solver.nu))
