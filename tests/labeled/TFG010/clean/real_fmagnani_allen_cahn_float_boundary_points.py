# source: https://github.com/FMagnani/Physics_Informed_NeuralNetwork/blob/06ff30ec9a2d09e2d8aeab5314d06397e42f2e53/Allen-Cahn_Discrete/Allen_Cahn_PINN.py
# reported: The discrete-time Allen-Cahn PINN builds its boundary points with x1 = tf.convert_to_tensor(np.vstack((lb, ub))) from the numpy bounds lb = np.array([-1.0]), ub = np.array([1.0]), converts the numpy initial data with tf.convert_to_tensor, watches them, and takes U_x inside a persistent tape and U_xx after it (net_U0) or a single U1_x on a default tape (net_U1).
# observed (TF 2.21): the converted grids are float64 (the bounds are written as floats), so every tape.gradient returns a tensor and the Adam step runs.
import numpy as np
import tensorflow as tf
from tensorflow.keras.layers import Dense


class neural_net(tf.keras.Model):
    def __init__(self, ub, lb, layers):
        super(neural_net, self).__init__()
        self.lb = lb
        self.ub = ub
        self.hidden = [Dense(w, activation='tanh', dtype='float64') for w in layers[1:-1]]
        self.out = Dense(layers[-1], dtype='float64')

    def call(self, inputs, training=False):
        X = 2.0*(inputs - self.lb)/(self.ub - self.lb) - 1.0
        for layer in self.hidden:
            X = layer(X)
        return self.out(X)


class PhysicsInformedNN(object):
    def __init__(self):
        self.optimizer = tf.keras.optimizers.Adam(learning_rate=1e-3)

    def train(self, adam_iterations, lbfgs_max_iterations):
        hist = []
        for it in range(adam_iterations):
            with tf.GradientTape() as tape:
                loss_value = self.loss()
            grads = tape.gradient(loss_value, self.model.trainable_variables)
            self.optimizer.apply_gradients(zip(grads, self.model.trainable_variables))
            hist.append(float(loss_value))
        return hist

    def predict(self, x):
        return self.model(x).numpy()


class Allen_Cahn_PINN(PhysicsInformedNN):

    def __init__(self, x0, u0, layers, dt, lb, ub, q):
        super(Allen_Cahn_PINN, self).__init__()
        # Network architecture
        self.model = neural_net(ub, lb, layers)
        # Data initialization
        self.x0 = x0
        x1 = np.vstack((lb, ub))
        self.x1 = tf.convert_to_tensor(x1)
        self.u0 = u0
        self.dt = dt
        self.q = max(q, 1)
        # IRK weights (the repository loads Butcher_IRK%d.txt; random stand-in here)
        tmp = np.float64(np.random.rand(q**2 + 2*q))
        self.IRK_weights = np.reshape(tmp[0:q**2+q], (q+1, q))
        self.IRK_times = tmp[q**2+q:]

    # Loss definition
    def loss(self):
        u0 = self.u0
        x0 = self.x0
        x1 = self.x1

        U0_pred = self.net_U0(x0)  # N x (q+1)
        U1_pred, U1_x_pred = self.net_U1(x1)  # N1 x (q+1)

        y = tf.reduce_sum(tf.square(u0 - U0_pred))
        yB = tf.reduce_sum(tf.square(U1_pred[0, :] - U1_pred[1, :])) + \
            tf.reduce_sum(tf.square(U1_x_pred[0, :] - U1_x_pred[1, :]))
        return y + yB

    def net_U0(self, x):
        with tf.GradientTape(persistent=True) as tape:
            tape.watch(x)
            U1 = self.model(x)
            U = U1[:, :-1]
            U_x = tape.gradient(U, x)

        U_xx = tape.gradient(U_x, x)
        del tape

        F = 5.0*U - 5.0*U**3 + 0.0001*U_xx
        U0 = U1 - self.dt*tf.matmul(F, self.IRK_weights.T)
        return U0

    def net_U1(self, x):
        with tf.GradientTape() as tape:
            tape.watch(x)
            U1 = self.model(x)
        U1_x = tape.gradient(U1, x)
        return U1, U1_x  # N x (q+1)


np.random.seed(1234)
tf.random.set_seed(1234)

q = 4
layers = [1, 16, 16, q+1]
lb = np.array([-1.0])
ub = np.array([1.0])
N = 12

x = np.linspace(-1, 1, 64)[:, None]
Exact_t0 = x[:, 0]**2 * np.cos(np.pi * x[:, 0])
idx_x = np.random.choice(x.shape[0], N, replace=False)
x0 = x[idx_x, :]
u0 = Exact_t0[idx_x][:, None]
dt = np.array([0.8])

# Conversion to tensors
x0 = tf.convert_to_tensor(x0)
u0 = tf.convert_to_tensor(u0)
x_star = tf.convert_to_tensor(x)

model = Allen_Cahn_PINN(x0, u0, layers, dt, lb, ub, q)
print(model.x1.dtype, model.train(adam_iterations=2, lbfgs_max_iterations=0))
print(model.predict(x_star).shape)
