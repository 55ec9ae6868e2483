# source: https://coderapp.vercel.app/answer/78712449 (mirror of the Stack Overflow question "TensorFlow second derivative calculation always returns zero in Quantum PINN solver")
# reported: A QuantumPINNSolver for the time-independent Schrodinger equation (ReLU Dense layers from build_model, nested persistent tapes in a @tf.function loss) finds d2psi/dx2 always zero/None whatever the potential; the asker's own answer: the outer tape must watch x too, and a ReLU network's second derivative is zero anyway, so tanh is needed.
# observed (TF 2.21): with both tapes watching x (functions run eagerly to print), tape2.gradient returns all zeros at line 31 (the model has only ReLU and linear layers), so the kinetic term drops out of the residual; the weight gradient of the training step at line 41 has values
import tensorflow as tf

tf.config.run_functions_eagerly(True)  # to print the derivatives while debugging


class QuantumPINNSolver:
    def __init__(self, potential_func):
        self.potential_func = potential_func
        self.model = self.build_model()
        self.optimizer = tf.keras.optimizers.Adam(1e-3)

    def build_model(self):
        return tf.keras.Sequential([
            tf.keras.Input(shape=(1,), dtype=tf.float64),
            tf.keras.layers.Dense(16, activation='relu', dtype=tf.float64),
            tf.keras.layers.Dense(16, activation='relu', dtype=tf.float64),
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
        d2psi_dx2 = tape2.gradient(dpsi_dx, x)  # expect: TFG020
        print("d2psi_dx2:", d2psi_dx2[:3, 0])  # This is always zero

        V_x = self.potential_func(x)
        schrodinger_eq = -d2psi_dx2 + (V_x - E) * psi
        return tf.reduce_mean(tf.square(schrodinger_eq)), tf.reduce_max(tf.abs(d2psi_dx2))

    def train_step(self, x, E):
        with tf.GradientTape() as tape:
            loss, kinetic = self.schrodinger_loss(x, E)
        grads = tape.gradient(loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.model.trainable_variables))
        return loss, kinetic


def harmonic_oscillator_potential(x):
    return 0.5 * tf.square(x)


solver = QuantumPINNSolver(potential_func=harmonic_oscillator_potential)
x = tf.random.uniform((16, 1), minval=-5, maxval=5, dtype=tf.float64)
E = tf.constant(0.5, dtype=tf.float64)
for step in range(2):
    loss, kinetic = solver.train_step(x, E)
    print("loss", float(loss), "max |d2psi/dx2|", float(kinetic))
