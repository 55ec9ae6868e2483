# source: https://coderapp.vercel.app/answer/78712449 (mirror of the Stack Overflow question "TensorFlow second derivative calculation always returns zero in Quantum PINN solver")
# reported: The QuantumPINNSolver's nested tapes gave a None second derivative; the asker's own answer ("Figured it out!") explains that a tape only differentiates w.r.t. what it watches, so the outer tape has to watch x as well (and a ReLU network has a zero second derivative, so tanh is used).
# observed (TF 2.21): with tape2.watch(x) the outer tape.gradient returns d2psi/dx2, the loss is finite and the training step's gradient w.r.t. the model weights is real.
import tensorflow as tf


class QuantumPINNSolver:
    def __init__(self, potential_func):
        self.potential_func = potential_func
        self.model = self.build_model()
        self.optimizer = tf.keras.optimizers.Adam(1e-3)

    def build_model(self):
        return tf.keras.Sequential([
            tf.keras.Input(shape=(1,), dtype=tf.float64),
            tf.keras.layers.Dense(8, activation='tanh', dtype=tf.float64),
            tf.keras.layers.Dense(8, activation='tanh', dtype=tf.float64),
            tf.keras.layers.Dense(1, activation=None, dtype=tf.float64)
        ])

    @tf.function
    def schrodinger_loss(self, x, E):
        with tf.GradientTape(persistent=True) as tape2:
            tape2.watch(x)
            with tf.GradientTape(persistent=True) as tape1:
                tape1.watch(x)
                psi = self.model(x)
            dpsi_dx = tape1.gradient(psi, x)
        d2psi_dx2 = tape2.gradient(dpsi_dx, x)

        V_x = self.potential_func(x)
        schrodinger_eq = -d2psi_dx2 + (V_x - E) * psi
        return tf.reduce_mean(tf.square(schrodinger_eq))

    def train_step(self, x, E):
        with tf.GradientTape() as tape:
            loss = self.schrodinger_loss(x, E)
        grads = tape.gradient(loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.model.trainable_variables))
        return loss


def harmonic_oscillator_potential(x):
    return 0.5 * tf.square(x)


solver = QuantumPINNSolver(potential_func=harmonic_oscillator_potential)
x = tf.random.uniform((16, 1), minval=-5, maxval=5, dtype=tf.float64)
E = tf.constant(0.5, dtype=tf.float64)
for step in range(2):
    print(solver.train_step(x, E))
